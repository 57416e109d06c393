package dev.vigil.ops.workflow;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Exactly what a step will send: the SQL text with its bound values, or a command line. Shown to the operator
 * before confirmation and written to the journal; the step runs this text, not a paraphrase of it.
 *
 * @param text       SQL with JDBC {@code ?} placeholders, or a command
 * @param parameters the values bound to the placeholders, in order
 */
public record Command(String text, List<Object> parameters) {
    public Command {
        parameters = Collections.unmodifiableList(new ArrayList<>(parameters));
    }

    public static Command sql(String sql, Object... parameters) {
        return new Command(sql, List.of(parameters));
    }

    /** Something that is not SQL (a lab primitive, an OS command), described as it will run. */
    public static Command described(String text) {
        return new Command(text, List.of());
    }

    /**
     * The SQL as the server logs it ({@code $1}, {@code $2} for the placeholders), then one line per bound
     * value: {@code -- $1 = 4242}.
     */
    public String display() {
        StringBuilder b = new StringBuilder();
        int n = 0;
        for (char c : text.toCharArray()) {
            if (c == '?' && n < parameters.size()) {
                b.append('$').append(++n);
            } else {
                b.append(c);
            }
        }
        for (int i = 0; i < parameters.size(); i++) {
            b.append("\n-- $").append(i + 1).append(" = ").append(literal(parameters.get(i)));
        }
        return b.toString();
    }

    static String literal(Object value) {
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        if (value instanceof Instant instant) {
            return "'" + instant + "'";
        }
        return dev.vigil.sql.Identifiers.literal(String.valueOf(value));
    }
}
