package dev.vigil.sql;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Fills the named identifier slots ({@code {relation}}, {@code {column}}, ...) of a versioned query in one pass.
 * Text put into a slot is never searched again, so a quoted name that itself contains {@code {column}} stays a
 * name; chained {@code String.replace} would splice the next slot into its quotes. Braces that name no slot given
 * here (a regex's {@code {8}}, say) are left as they are.
 */
public final class IdentifierSlots {
    private final Map<String, String> slots = new LinkedHashMap<>();

    private IdentifierSlots() {}

    public static IdentifierSlots of() {
        return new IdentifierSlots();
    }

    /** {@code {slot}} filled with {@code identifier}, quoted by {@link Identifiers#quote}. */
    public IdentifierSlots name(String slot, String identifier) {
        return quoted(slot, Identifiers.quote(identifier));
    }

    /**
     * {@code {slot}} filled with text already made of {@link Identifiers#quote}d parts (a schema-qualified name,
     * say): it goes in as it is.
     */
    public IdentifierSlots quoted(String slot, String quotedText) {
        if (slot.isEmpty() || slot.indexOf('{') >= 0 || slot.indexOf('}') >= 0) {
            throw new IllegalArgumentException("not a slot name: " + slot);
        }
        slots.put(slot, quotedText);
        return this;
    }

    public String fill(String sql) {
        StringBuilder out = new StringBuilder(sql.length() + 64);
        int i = 0;
        while (i < sql.length()) {
            int open = sql.indexOf('{', i);
            if (open < 0) {
                out.append(sql, i, sql.length());
                break;
            }
            int close = sql.indexOf('}', open + 1);
            String value = close < 0 ? null : slots.get(sql.substring(open + 1, close));
            if (value == null) {
                out.append(sql, i, open + 1);
                i = open + 1;
                continue;
            }
            out.append(sql, i, open).append(value);
            i = close + 1;
        }
        return out.toString();
    }
}
