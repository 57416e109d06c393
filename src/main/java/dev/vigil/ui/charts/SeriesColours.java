package dev.vigil.ui.charts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A stable colour per series name. Names with a meaning get a fixed hue: wait classes (CPU green, Lock red, LWLock
 * orange, IO blue, ...), commit and rollback, active and idle in transaction. Other names (standbys, statements)
 * hash to one of the remaining hues, moving to the next free one when a chart already uses it, so two standbys never
 * share a colour in one chart and keep theirs from tick to tick.
 */
final class SeriesColours {
    private static final Map<String, Hue> KNOWN = new LinkedHashMap<>();
    // Neutral hues first; yellow and orange, which read as warnings, last.
    private static final List<Hue> FREE = List.of(Hue.BLUE, Hue.PURPLE, Hue.TEAL, Hue.PINK, Hue.BROWN, Hue.ORANGE,
            Hue.YELLOW);

    static {
        // Wait classes in stacking order, bottom first: work, then waits, the contended ones on top of them.
        known(Hue.GREEN, "cpu");
        known(Hue.BLUE, "io");
        known(Hue.ORANGE, "lwlock");
        known(Hue.RED, "lock");
        known(Hue.PURPLE, "ipc");
        known(Hue.TEAL, "client");
        known(Hue.YELLOW, "timeout");
        known(Hue.PINK, "bufferpin");
        known(Hue.BROWN, "extension");
        known(Hue.GREY, "activity");
        known(Hue.GREEN, "commit", "commits");
        known(Hue.RED, "rollback", "rollbacks");
        known(Hue.BLUE, "active", "tps", "transactions");
        known(Hue.ORANGE, "idle in transaction", "idle_in_transaction");
        known(Hue.GREY, "connections");
        known(Hue.TEAL, "write");
        known(Hue.BLUE, "flush");
        known(Hue.PURPLE, "replay");
    }

    private final Map<String, Hue> assigned = new HashMap<>();

    private static void known(Hue hue, String... names) {
        for (String name : names) {
            KNOWN.put(name, hue);
        }
    }

    /** Assigns hues to this tick's names; names gone since the last call give theirs back. */
    Map<String, Hue> assign(List<String> names) {
        assigned.keySet().retainAll(Set.copyOf(names));
        Set<Hue> taken = EnumSet.noneOf(Hue.class);
        names.forEach(n -> {
            Hue known = KNOWN.get(key(n));
            if (known != null) {
                assigned.put(n, known);
            }
            if (assigned.containsKey(n)) {
                taken.add(assigned.get(n));
            }
        });
        for (String name : names) {
            if (!assigned.containsKey(name)) {
                int start = Math.floorMod(name.hashCode(), FREE.size());
                Hue hue = FREE.get(start);
                for (int i = 0; i < FREE.size(); i++) {
                    Hue candidate = FREE.get((start + i) % FREE.size());
                    if (!taken.contains(candidate)) {
                        hue = candidate;
                        break;
                    }
                }
                assigned.put(name, hue);
                taken.add(hue);
            }
        }
        Map<String, Hue> out = new LinkedHashMap<>();
        names.forEach(n -> out.put(n, assigned.get(n)));
        return out;
    }

    /** Stacking order: the known wait classes in their order, then any other name alphabetically. */
    static List<String> stackOrder(Iterable<String> names) {
        List<String> known = new ArrayList<>(KNOWN.keySet());
        List<String> sorted = new ArrayList<>();
        names.forEach(sorted::add);
        sorted.sort(Comparator.comparingInt((String n) -> {
            int rank = known.indexOf(key(n));
            return rank < 0 ? Integer.MAX_VALUE : rank;
        }).thenComparing(Comparator.naturalOrder()));
        return sorted;
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT).strip();
    }
}
