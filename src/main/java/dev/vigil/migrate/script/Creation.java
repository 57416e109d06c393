package dev.vigil.migrate.script;

import java.util.Optional;

/**
 * An object a statement creates that the catalog can be asked about afterwards: a relation, or a column added to
 * one. Undoing the script that created it should leave it gone.
 */
public record Creation(Kind kind, QualifiedName relation, Optional<String> column) {

    public enum Kind { TABLE, INDEX, VIEW, MATERIALIZED_VIEW, SEQUENCE, COLUMN }

    /** "table shop.loyalty", "column shop.orders.note" */
    public String describe() {
        return kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " " + relation
                + column.map(c -> "." + c).orElse("");
    }
}
