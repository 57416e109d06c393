package dev.vigil.migrate.source;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * The checksum Flyway stores for a SQL migration: one CRC-32 over the script's lines, each line without its
 * terminator ({@code \n}, {@code \r\n} or {@code \r}, as {@code BufferedReader.readLine} cuts them) and encoded
 * as UTF-8, with a byte-order mark dropped from the start of the first line; the 32 bits read as a signed int.
 * So line endings and blank lines do not change it; any other character does. Versioned scripts are summed as
 * written, before any placeholder replacement.
 */
public final class FlywayChecksum {
    private static final char BOM = '\uFEFF';

    private FlywayChecksum() {}

    /** The checksum of a script already decoded from its file's encoding. */
    public static int of(String script) {
        CRC32 crc = new CRC32();
        int start = 0;
        int n = script.length();
        boolean first = true;
        while (start < n) {
            int end = start;
            while (end < n && script.charAt(end) != '\n' && script.charAt(end) != '\r') {
                end++;
            }
            String line = script.substring(start, end);
            if (first && !line.isEmpty() && line.charAt(0) == BOM) {
                line = line.substring(1);
            }
            first = false;
            crc.update(line.getBytes(StandardCharsets.UTF_8));
            if (end < n && script.charAt(end) == '\r' && end + 1 < n && script.charAt(end + 1) == '\n') {
                end++;
            }
            start = end + 1;
        }
        return (int) crc.getValue();
    }
}
