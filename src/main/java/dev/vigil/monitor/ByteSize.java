package dev.vigil.monitor;

import java.util.Locale;

/** An amount of bytes (WAL, lag, tables) as people read it: binary units, one decimal below ten. */
public final class ByteSize {
    private ByteSize() {}

    public static String of(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, value < 10 ? "%.1f %s" : "%.0f %s", value, units[unit]);
    }
}
