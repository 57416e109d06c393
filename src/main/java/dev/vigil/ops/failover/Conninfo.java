package dev.vigil.ops.failover;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A libpq {@code keyword=value} connection string, as {@code primary_conninfo} holds it: parsed so that a
 * switchover changes only where a standby connects (host, port) and under which name, and keeps everything
 * else (user, passfile, sslmode, …) as the DBA set it.
 */
public record Conninfo(Map<String, String> values) {
    public Conninfo {
        values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** Parses keyword=value pairs; values may be single-quoted with {@code \'} and {@code \\} escapes. */
    public static Conninfo parse(String text) {
        if (text.strip().matches("(?i)postgres(ql)?://.*")) {
            throw new IllegalArgumentException("it is a URI; Vigil rewrites keyword=value connection strings only");
        }
        Map<String, String> values = new LinkedHashMap<>();
        int i = 0;
        int n = text.length();
        while (true) {
            while (i < n && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (i >= n) {
                break;
            }
            int keyStart = i;
            while (i < n && text.charAt(i) != '=' && !Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            String key = text.substring(keyStart, i);
            while (i < n && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (i >= n || text.charAt(i) != '=') {
                throw new IllegalArgumentException("'" + key + "' has no value");
            }
            i++;
            while (i < n && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            StringBuilder value = new StringBuilder();
            if (i < n && text.charAt(i) == '\'') {
                i++;
                boolean closed = false;
                while (i < n) {
                    char c = text.charAt(i++);
                    if (c == '\\' && i < n) {
                        value.append(text.charAt(i++));
                    } else if (c == '\'') {
                        closed = true;
                        break;
                    } else {
                        value.append(c);
                    }
                }
                if (!closed) {
                    throw new IllegalArgumentException("the value of '" + key + "' has no closing quote");
                }
            } else {
                while (i < n && !Character.isWhitespace(text.charAt(i))) {
                    char c = text.charAt(i++);
                    if (c == '\\' && i < n) {
                        value.append(text.charAt(i++));
                    } else {
                        value.append(c);
                    }
                }
            }
            values.put(key, value.toString());
        }
        return new Conninfo(values);
    }

    /** The parsed string, or empty when there is none or it cannot be rewritten (a URI, a broken quote). */
    public static Optional<Conninfo> tryParse(String text) {
        try {
            return text == null || text.isBlank() ? Optional.empty() : Optional.of(parse(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    /**
     * The same connection string aimed at another server: host and port replaced, {@code hostaddr} dropped (it
     * would override the new host), and the standby's own name as {@code application_name}, which is how the
     * primary and Vigil tell standbys apart.
     */
    public Conninfo pointedAt(String host, int port, String applicationName) {
        Map<String, String> v = new LinkedHashMap<>(values);
        v.remove("hostaddr");
        v.put("host", host);
        v.put("port", Integer.toString(port));
        v.put("application_name", applicationName);
        return new Conninfo(v);
    }

    /** The connection string libpq reads back to the same values. */
    public String render() {
        return values.entrySet().stream().map(e -> e.getKey() + "=" + quote(e.getValue()))
                .collect(Collectors.joining(" "));
    }

    /** The same, with any password replaced by asterisks: for plans, journals and screens. */
    public String renderMasked() {
        return values.entrySet().stream()
                .map(e -> e.getKey() + "=" + (e.getKey().equals("password") ? "********" : quote(e.getValue())))
                .collect(Collectors.joining(" "));
    }

    static String quote(String value) {
        if (!value.isEmpty() && value.matches("[A-Za-z0-9_./:@-]+")) {
            return value;
        }
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
