package dev.vigil.monitor.health;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where a window of readings starts, carried from one reading to the next: the start stays until it is older
 * than the window, then moves up to the previous reading, so the window is always between one and two windows
 * long once the monitor has run that long. Used for checkpoint counts and size growth.
 */
final class WindowStart {
    private WindowStart() {}

    /**
     * @param start the window's start so far (empty: it starts at {@code last})
     * @param last  the previous reading
     * @param now   the reading being taken
     */
    static <T> T next(Optional<T> start, T last, T now, Function<T, Instant> at, Duration window) {
        T from = start.orElse(last);
        return Duration.between(at.apply(from), at.apply(now)).compareTo(window) > 0 ? last : from;
    }
}
