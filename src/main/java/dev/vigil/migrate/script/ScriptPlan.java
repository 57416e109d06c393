package dev.vigil.migrate.script;

import dev.vigil.migrate.source.MigrationScript;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How one script will run: its statements cut into segments where the transaction mode changes. Consecutive
 * statements that may run in a transaction share one; a statement that cannot (DROP INDEX CONCURRENTLY, VACUUM…)
 * runs alone outside any. The history row goes into the last segment's transaction, or into one of its own when
 * the script ends outside a transaction.
 */
public record ScriptPlan(MigrationScript script, List<AnalysedStatement> statements, List<Segment> segments) {
    public ScriptPlan {
        statements = List.copyOf(statements);
        segments = List.copyOf(segments);
    }

    /** Statements run together: in one transaction, or one statement outside any. */
    public record Segment(boolean transactional, List<AnalysedStatement> statements) {
        public Segment {
            statements = List.copyOf(statements);
        }

        /** A failed attempt leaves nothing behind, so it may be tried again after a lock timeout. */
        public boolean retrySafe() {
            return transactional || statements.stream().allMatch(AnalysedStatement::retrySafe);
        }

        public String numbers() {
            int first = statements.get(0).statement().number();
            int last = statements.get(statements.size() - 1).statement().number();
            return first == last ? "statement " + first : "statements " + first + "–" + last;
        }
    }

    public static ScriptPlan of(MigrationScript script, int serverVersionNum) {
        List<AnalysedStatement> statements = StatementAnalyser.analyse(script.sql(), serverVersionNum);
        List<Segment> segments = new ArrayList<>();
        List<AnalysedStatement> run = new ArrayList<>();
        for (AnalysedStatement s : statements) {
            if (s.transactional()) {
                run.add(s);
                continue;
            }
            if (!run.isEmpty()) {
                segments.add(new Segment(true, run));
                run = new ArrayList<>();
            }
            segments.add(new Segment(false, List.of(s)));
        }
        if (!run.isEmpty()) {
            segments.add(new Segment(true, run));
        }
        return new ScriptPlan(script, statements, segments);
    }

    /** Every statement runs in the one transaction that also records the history row. */
    public boolean singleTransaction() {
        return segments.size() <= 1 && segments.stream().allMatch(Segment::transactional);
    }

    public List<AnalysedStatement> outsideTransaction() {
        return statements.stream().filter(s -> !s.transactional()).toList();
    }

    /** The first statement that begins or ends a transaction itself, which Vigil does not run. */
    public Optional<AnalysedStatement> transactionControl() {
        return statements.stream().filter(AnalysedStatement::controlsTransaction).findFirst();
    }

    public List<Destruction> destroys() {
        return statements.stream().flatMap(s -> s.destroys().stream()).toList();
    }

    public List<Creation> creates() {
        return statements.stream().flatMap(s -> s.creates().stream()).toList();
    }

    /** Whether the history row is written in the last segment's transaction. */
    public boolean historyWithLastSegment() {
        return !segments.isEmpty() && segments.get(segments.size() - 1).transactional();
    }

    /**
     * The plan in words: "all 3 statements in one transaction with the history row", or "statements 1–2 in one
     * transaction; statement 3 (line 5) alone, outside any transaction (DROP INDEX CONCURRENTLY cannot run inside
     * a transaction block); then the history row in a transaction of its own".
     */
    public String describe() {
        if (statements.isEmpty()) {
            return "no statements; only the history row, in a transaction of its own";
        }
        if (singleTransaction()) {
            return (statements.size() == 1 ? "its statement" : "all " + statements.size() + " statements")
                    + " in one transaction with the history row";
        }
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < segments.size(); i++) {
            Segment s = segments.get(i);
            if (s.transactional()) {
                parts.add(s.numbers() + " in one transaction" + (i == segments.size() - 1 ? " with the history row" : ""));
            } else {
                AnalysedStatement a = s.statements().get(0);
                parts.add(a.statement().where() + " alone, outside any transaction ("
                        + a.outsideTransaction().orElse("") + ")");
            }
        }
        String plan = String.join("; ", parts);
        return historyWithLastSegment() ? plan : plan + "; then the history row in a transaction of its own";
    }
}
