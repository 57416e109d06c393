package dev.vigil.ui.sessions;

import dev.vigil.ui.common.SessionRow;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Predicate;

/** The Sessions view's filters; empty text and a zero age mean "any". Pure, so it is unit-tested. */
public record SessionFilter(State state, String user, String application, String database, boolean waitingOnly,
                            Duration olderThan, boolean clientBackendsOnly) implements Predicate<SessionRow> {

    public enum State {
        ANY("any state"), ACTIVE("active"), IDLE_IN_TRANSACTION("idle in transaction"), IDLE("idle");

        private final String label;

        State(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    public static final SessionFilter NONE = new SessionFilter(State.ANY, "", "", "", false, Duration.ZERO, true);

    @Override
    public boolean test(SessionRow row) {
        var a = row.activity();
        if (clientBackendsOnly && !a.isClientBackend()) {
            return false;
        }
        boolean stateMatches = switch (state) {
            case ANY -> true;
            case ACTIVE -> a.isActive();
            case IDLE_IN_TRANSACTION -> a.isIdleInTransaction();
            case IDLE -> "idle".equals(a.state());
        };
        return stateMatches && contains(a.user(), user) && contains(a.application(), application)
                && contains(a.database(), database) && (!waitingOnly || row.isWaitingOnLock())
                && (olderThan.isZero() || row.age().map(age -> age.compareTo(olderThan) >= 0).orElse(false));
    }

    private static boolean contains(String value, String wanted) {
        return wanted.isBlank() || value.toLowerCase(Locale.ROOT).contains(wanted.strip().toLowerCase(Locale.ROOT));
    }
}
