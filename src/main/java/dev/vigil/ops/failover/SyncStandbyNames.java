package dev.vigil.ops.failover;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code synchronous_standby_names} read as PostgreSQL reads it: {@code FIRST n (a, b)}, {@code ANY n (a, b)},
 * {@code n (a, b)} or a plain list (the first one is synchronous). Names compare with application names without
 * regard to case, quoted or not; {@code *} matches any standby.
 *
 * @param required how many of the named standbys a commit waits for (0 when the setting is empty)
 * @param names    the names, unquoted, in lower case
 */
record SyncStandbyNames(int required, List<String> names) {

    static SyncStandbyNames parse(String setting) {
        String s = setting == null ? "" : setting.trim();
        if (s.isEmpty()) {
            return new SyncStandbyNames(0, List.of());
        }
        int required = 1;
        String list = s;
        int open = s.indexOf('(');
        if (open >= 0 && s.endsWith(")")) {
            String head = s.substring(0, open).trim().toUpperCase(Locale.ROOT);
            String number = head.replaceFirst("^(FIRST|ANY)\\s*", "").trim();
            if (number.matches("\\d+")) {
                required = Integer.parseInt(number);
                list = s.substring(open + 1, s.length() - 1);
            }
        }
        List<String> names = new ArrayList<>();
        for (String part : list.split(",")) {
            String n = part.trim();
            if (n.length() >= 2 && n.startsWith("\"") && n.endsWith("\"")) {
                n = n.substring(1, n.length() - 1).replace("\"\"", "\"");
            }
            if (!n.isEmpty()) {
                names.add(n.toLowerCase(Locale.ROOT));
            }
        }
        return new SyncStandbyNames(required, List.copyOf(names));
    }

    boolean synchronous() {
        return required > 0 && !names.isEmpty();
    }

    /** How many of {@code standbys} (application names) this setting would count. */
    long matching(List<String> standbys) {
        if (names.contains("*")) {
            return standbys.size();
        }
        return standbys.stream().filter(a -> names.contains(a.toLowerCase(Locale.ROOT))).count();
    }
}
