package dev.vigil.journal;

/** A test fixture for {@code arch.LayeringRuleTest}: the journal may not read the monitor. Never used otherwise. */
final class LayeringFixtureReachingIntoTheMonitor {
    dev.vigil.monitor.NodeSample sample;
}
