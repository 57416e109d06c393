package dev.vigil.migrate.script;

import java.util.List;
import java.util.Optional;

/**
 * A statement with what matters before running it unattended.
 *
 * @param outsideTransaction why it cannot run inside a transaction block, when it cannot
 * @param controlsTransaction it begins or ends a transaction itself (BEGIN, COMMIT, ROLLBACK, …)
 * @param retrySafe           a failed attempt leaves nothing behind, so it may be tried again after a lock
 *                            timeout (false for CREATE INDEX CONCURRENTLY, which leaves an invalid index)
 */
public record AnalysedStatement(ScriptStatement statement, Optional<String> outsideTransaction,
                                boolean controlsTransaction, boolean retrySafe, List<Destruction> destroys,
                                List<Creation> creates) {
    public AnalysedStatement {
        destroys = List.copyOf(destroys);
        creates = List.copyOf(creates);
    }

    public boolean transactional() {
        return outsideTransaction.isEmpty();
    }
}
