package dev.vigil.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The placeholders of a control command's arguments ({@code {node}}, {@code {upstream_host}},
 * {@code {upstream_port}}): one grammar for the inventory, which checks them, and the provider, which fills them.
 * A placeholder is a lower-case name in braces. Doubled braces (<code>{{</code>, <code>}}</code>) stand for single
 * literal ones; any other brace is kept as it is. A value is put in as it is and never scanned again, so it cannot
 * bring in a placeholder of its own.
 */
public final class CommandTemplate {
    public static final String NODE = "node";
    public static final String UPSTREAM_HOST = "upstream_host";
    public static final String UPSTREAM_PORT = "upstream_port";
    public static final Set<String> ALL = Set.of(NODE, UPSTREAM_HOST, UPSTREAM_PORT);

    private CommandTemplate() {}

    /** The placeholder names one argument uses, in order, known or not. */
    public static List<String> names(String argument) {
        List<String> names = new ArrayList<>();
        int i = 0;
        while (i < argument.length()) {
            int placeholderEnd = placeholderEnd(argument, i);
            if (placeholderEnd > 0) {
                names.add(argument.substring(i + 1, placeholderEnd - 1));
                i = placeholderEnd;
            } else {
                i += isEscape(argument, i) ? 2 : 1;
            }
        }
        return names;
    }

    /** The argument with each placeholder replaced by its value and each doubled brace made single. */
    public static String fill(String argument, Map<String, String> values) {
        for (String name : names(argument)) {
            if (!values.containsKey(name)) {
                throw new IllegalArgumentException("no value for {" + name + "} in '" + argument + "'");
            }
        }
        StringBuilder out = new StringBuilder(argument.length() + 16);
        int i = 0;
        while (i < argument.length()) {
            int placeholderEnd = placeholderEnd(argument, i);
            if (placeholderEnd > 0) {
                out.append(values.get(argument.substring(i + 1, placeholderEnd - 1)));
                i = placeholderEnd;
            } else if (isEscape(argument, i)) {
                out.append(argument.charAt(i));
                i += 2;
            } else {
                out.append(argument.charAt(i++));
            }
        }
        return out.toString();
    }

    private static boolean isEscape(String s, int i) {
        char c = s.charAt(i);
        return (c == '{' || c == '}') && i + 1 < s.length() && s.charAt(i + 1) == c;
    }

    /** The index after the closing brace when a placeholder starts at {@code i}, else -1. */
    private static int placeholderEnd(String s, int i) {
        if (s.charAt(i) != '{' || isEscape(s, i)) {
            return -1;
        }
        int j = i + 1;
        while (j < s.length() && isNameChar(s.charAt(j))) {
            j++;
        }
        return j > i + 1 && j < s.length() && s.charAt(j) == '}' ? j + 1 : -1;
    }

    /**
     * Hyphens count, so that a typo such as {upstream-host} is reported rather than passed on. Capitals do not, so
     * that a shell's {@code ${PGDATA}} inside {@code sh -c '...'} stays as it is.
     */
    private static boolean isNameChar(char c) {
        return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '-';
    }
}
