package dev.vigil.ops;

/** A test fixture for {@code arch.LayeringRuleTest}: only {@code ops.control} may use the lab. Never used otherwise. */
final class LayeringFixtureReachingIntoTheLab {
    dev.vigil.lab.LabNode node;
}
