package dev.vigil.ops.control;

import dev.vigil.sql.Lsn;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Reads the lines of {@code pg_controldata} output that say how a server stopped. Other lines (an ssh banner, a
 * sudo warning) are ignored, so the output of a command run on another host can be passed as it is.
 */
public final class ControlDataOutput {
    static final String STATE = "Database cluster state";
    static final String CHECKPOINT = "Latest checkpoint location";
    static final String TIMELINE = "Latest checkpoint's TimeLineID";
    /** The states a server leaves behind after a clean shutdown, as a primary or as a standby. */
    private static final Set<String> CLEAN = Set.of("shut down", "shut down in recovery");

    private ControlDataOutput() {}

    /** @throws IllegalArgumentException naming the line that is missing or unreadable */
    public static ShutdownRecord parse(String output) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String line : output.split("\\R")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                fields.putIfAbsent(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
            }
        }
        String state = field(fields, STATE);
        Lsn checkpoint;
        int timeline;
        try {
            checkpoint = Lsn.parse(field(fields, CHECKPOINT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + CHECKPOINT + ":' is not an LSN: " + fields.get(CHECKPOINT), e);
        }
        try {
            timeline = Integer.parseInt(field(fields, TIMELINE));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + TIMELINE + ":' is not a number: " + fields.get(TIMELINE), e);
        }
        return new ShutdownRecord(CLEAN.contains(state), state, checkpoint, timeline);
    }

    private static String field(Map<String, String> fields, String label) {
        String value = fields.get(label);
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("the output has no '" + label + ":' line, so it is not pg_controldata "
                    + "output, or it is translated: run pg_controldata with LC_ALL=C (over ssh: 'env LC_ALL=C "
                    + "pg_controldata ...')");
        }
        return value;
    }
}
