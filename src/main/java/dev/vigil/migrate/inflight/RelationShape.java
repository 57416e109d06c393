package dev.vigil.migrate.inflight;

/** A table's columns (name and type, in order) and its index and constraint counts; what a migration changes. */
record RelationShape(String relation, String columns, int indexes, int constraints) {
    String describe() {
        return relation + " (" + columns + "; " + indexes + " index" + (indexes == 1 ? "" : "es") + ", " + constraints
                + " constraint" + (constraints == 1 ? "" : "s") + ")";
    }
}
