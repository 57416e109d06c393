package dev.vigil.migrate.script;

import dev.vigil.sql.Identifiers;
import java.util.Optional;

/**
 * A relation or schema named in a script, as PostgreSQL resolves the text: unquoted parts folded to lower case,
 * quoted parts kept. Without a schema it resolves through the session's {@code search_path}.
 */
public record QualifiedName(Optional<String> schema, String name) {

    public static QualifiedName of(String schema, String name) {
        return new QualifiedName(Optional.of(schema), name);
    }

    public static QualifiedName unqualified(String name) {
        return new QualifiedName(Optional.empty(), name);
    }

    /** For SQL text: each part quoted by {@link Identifiers#quote}. */
    public String quoted() {
        return schema.map(s -> Identifiers.quote(s) + ".").orElse("") + Identifiers.quote(name);
    }

    /** The same name in another schema when it has none of its own (an index lives in its table's schema). */
    public QualifiedName inSchemaOf(QualifiedName other) {
        return schema.isPresent() ? this : new QualifiedName(other.schema, name);
    }

    /** For people: {@code shop.orders}. */
    @Override
    public String toString() {
        return schema.map(s -> s + ".").orElse("") + name;
    }
}
