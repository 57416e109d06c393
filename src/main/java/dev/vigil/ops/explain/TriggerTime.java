package dev.vigil.ops.explain;

/** A trigger EXPLAIN ANALYZE ran, with its total time over its calls: foreign keys show up here. */
public record TriggerTime(String name, String relation, double timeMs, long calls) {}
