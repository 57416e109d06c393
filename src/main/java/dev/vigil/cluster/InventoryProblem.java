package dev.vigil.cluster;

/**
 * Something wrong with the inventory: {@code where} names the file and line (or the node), {@code message}
 * says what and what to do. An error keeps its cluster out; a warning does not.
 */
public record InventoryProblem(Severity severity, String where, String message) {
    public enum Severity { ERROR, WARNING }

    @Override
    public String toString() {
        return where + ": " + severity.name().toLowerCase() + ": " + message;
    }
}
