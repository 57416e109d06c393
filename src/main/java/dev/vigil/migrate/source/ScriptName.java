package dev.vigil.migrate.source;

import java.util.Optional;

/**
 * What a file name in the Flyway convention says: {@code V1.2__Add_loyalty.sql} applies version 1.2, "Add
 * loyalty"; {@code U1.2__Add_loyalty.sql} undoes it. The description is the part after the first {@code __},
 * with {@code _} read as a space.
 */
public record ScriptName(Kind kind, MigrationVersion version, String description, String fileName) {

    public enum Kind {
        /** {@code V…}: applies a version. */
        VERSIONED,
        /** {@code U…}: undoes the version of the same number. */
        UNDO
    }

    public static final String SEPARATOR = "__";
    public static final String SUFFIX = ".sql";

    /**
     * The name's meaning, or empty when it is not a versioned or undo script name (a repeatable {@code R__},
     * another suffix, no separator, or a version that is not numbers).
     */
    public static Optional<ScriptName> parse(String fileName) {
        if (fileName.length() < 2 || !fileName.endsWith(SUFFIX)) {
            return Optional.empty();
        }
        Kind kind = switch (fileName.charAt(0)) {
            case 'V' -> Kind.VERSIONED;
            case 'U' -> Kind.UNDO;
            default -> null;
        };
        String stem = fileName.substring(1, fileName.length() - SUFFIX.length());
        int separator = stem.indexOf(SEPARATOR);
        if (kind == null || separator <= 0) {
            return Optional.empty();
        }
        try {
            MigrationVersion version = MigrationVersion.parse(stem.substring(0, separator));
            String description = stem.substring(separator + SEPARATOR.length()).replace('_', ' ');
            return Optional.of(new ScriptName(kind, version, description, fileName));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
