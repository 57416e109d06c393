package dev.vigil.ops.explain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.ops.explain.ExplainForm.Decision;
import dev.vigil.ops.explain.ExplainForm.Refuse;
import dev.vigil.ops.explain.ExplainForm.Run;
import org.junit.jupiter.api.Test;

/** Which EXPLAIN is sent, in which transaction, or why nothing is: decided before anything reaches a server. */
class ExplainFormTest {
    private static final String SELECT = "SELECT * FROM shop.orders WHERE id = 1";
    private static final String GENERIC = "SELECT * FROM shop.orders WHERE id = $1";
    private static final String UPDATE = "UPDATE shop.orders SET status = 'x' WHERE id = 1";

    @Test
    void plainExplainRunsInAReadOnlyTransactionForWritingStatementsToo() {
        assertThat(decide(ExplainRequest.plan(SELECT), 170000, false)).isEqualTo(new Run(ExplainForm.PLAN, true));
        assertThat(decide(ExplainRequest.plan(UPDATE), 150000, false)).isEqualTo(new Run(ExplainForm.PLAN, true));
    }

    @Test
    void analyzeOfAReadOnlyStatementStaysReadOnlyAndAWritingOneNeedsConfirmation() {
        assertThat(decide(ExplainRequest.analyze(SELECT, false), 170000, false))
                .isEqualTo(new Run(ExplainForm.ANALYZE, true));
        assertThat(decide(ExplainRequest.analyze(UPDATE, true), 170000, false))
                .isEqualTo(new Run(ExplainForm.ANALYZE, false));
        assertThat(decide(ExplainRequest.analyze(UPDATE, false), 170000, false)).isInstanceOf(Refuse.class)
                .extracting(d -> ((Refuse) d).reason()).asString()
                .startsWith("Not run: UPDATE writes rows.").contains("confirm");
    }

    @Test
    void placeholdersGetAGenericPlanFromSixteenOnOverTheSimpleProtocol() {
        assertThat(decide(ExplainRequest.plan(GENERIC), 160000, true))
                .isEqualTo(new Run(ExplainForm.GENERIC_PLAN, true));
        assertThat(reason(ExplainRequest.plan(GENERIC), 150014, true))
                .contains("PostgreSQL 15.14").contains("16 or later").contains("literal values");
        assertThat(reason(ExplainRequest.plan(GENERIC), 170006, false)).contains("preferQueryMode=simple");
        assertThat(reason(ExplainRequest.analyze(GENERIC, true), 170006, true))
                .contains("GENERIC_PLAN").contains("cannot be combined with ANALYZE");
    }

    @Test
    void refusedStatementsStayRefusedWhateverWasConfirmed() {
        assertThat(reason(ExplainRequest.analyze("DROP TABLE shop.orders", true), 170000, true)).contains("'DROP'");
        assertThat(reason(ExplainRequest.plan("SELECT 1; SELECT 2"), 170000, true)).startsWith("More than one");
    }

    @Test
    void theStatementSentIsTheFixedPrefixAndTheOperatorsStatementOnly() {
        ClassifiedStatement s = StatementClassifier.classify("  SELECT 1 ; ");
        assertThat(ExplainForm.ANALYZE.statementFor(s)).isEqualTo("EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) SELECT 1");
        assertThat(ExplainForm.versionName(90624)).isEqualTo("9.6.24");
        assertThat(ExplainForm.versionName(170006)).isEqualTo("17.6");
    }

    private static Decision decide(ExplainRequest request, int version, boolean simple) {
        return ExplainForm.decide(StatementClassifier.classify(request.query()), request, version, simple);
    }

    private static String reason(ExplainRequest request, int version, boolean simple) {
        Decision d = decide(request, version, simple);
        assertThat(d).isInstanceOf(Refuse.class);
        return ((Refuse) d).reason();
    }
}
