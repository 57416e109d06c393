package dev.vigil.migrate.source;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * A migration version as Flyway reads it: parts separated by {@code .} or {@code _}, each a whole number, compared
 * part by part as numbers ({@code 1.10 > 1.9}), missing parts counting as zero ({@code 1.0 == 1}). The text keeps
 * what the file name said, with {@code _} written as {@code .}: that is what Flyway stores in its history.
 */
public final class MigrationVersion implements Comparable<MigrationVersion> {
    private final List<BigInteger> parts;
    private final String text;

    private MigrationVersion(List<BigInteger> parts, String text) {
        this.parts = List.copyOf(parts);
        this.text = text;
    }

    /** @throws IllegalArgumentException when a part is not a whole number */
    public static MigrationVersion parse(String version) {
        String text = version.replace('_', '.');
        if (text.isEmpty() || text.startsWith(".") || text.endsWith(".") || text.contains("..")) {
            throw new IllegalArgumentException("'" + version + "' is not a version: use numbers separated by . or _");
        }
        List<BigInteger> parts = new ArrayList<>();
        for (String part : text.split("\\.")) {
            if (!part.chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw new IllegalArgumentException("'" + version + "' is not a version: '" + part + "' is not a number");
            }
            parts.add(new BigInteger(part));
        }
        return new MigrationVersion(parts, text);
    }

    public List<BigInteger> parts() {
        return parts;
    }

    @Override
    public int compareTo(MigrationVersion other) {
        int n = Math.max(parts.size(), other.parts.size());
        for (int i = 0; i < n; i++) {
            int c = part(i).compareTo(other.part(i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private BigInteger part(int i) {
        return i < parts.size() ? parts.get(i) : BigInteger.ZERO;
    }

    public boolean isNewerThan(MigrationVersion other) {
        return compareTo(other) > 0;
    }

    /** Equal as Flyway compares them: {@code 1.0}, {@code 01} and {@code 1} are one version. */
    @Override
    public boolean equals(Object o) {
        return o instanceof MigrationVersion v && compareTo(v) == 0;
    }

    @Override
    public int hashCode() {
        int last = parts.size();
        while (last > 1 && parts.get(last - 1).signum() == 0) {
            last--;
        }
        return parts.subList(0, last).hashCode();
    }

    /** As Flyway writes it in {@code flyway_schema_history.version}. */
    @Override
    public String toString() {
        return text;
    }
}
