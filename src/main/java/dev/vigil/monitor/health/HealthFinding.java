package dev.vigil.monitor.health;

import java.util.Optional;

/**
 * One health problem on a node: what it is, the evidence, what to do, and the SQL that would fix it. The SQL is
 * shown to the operator and never run by Vigil unasked.
 *
 * @param kind    a stable key ({@code xmin-horizon}, {@code wraparound}, {@code unused-index}, {@code invalid-index},
 *                {@code sequence}, {@code sequences-unreadable}, {@code checkpoints})
 * @param subject what it is about: a pid, slot, database, index or sequence, quoted as SQL would name it
 */
public record HealthFinding(Level level, String kind, String subject, String evidence, String advice,
                            Optional<String> fixSql) {
    public enum Level { NOTICE, WARNING, CRITICAL }

    /** One line: level, subject, evidence and advice. */
    public String line() {
        return level + " " + kind + " " + subject + ": " + evidence + ". " + advice;
    }
}
