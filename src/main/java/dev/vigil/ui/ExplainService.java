package dev.vigil.ui;

import dev.vigil.ops.explain.ExplainRequest;
import dev.vigil.ops.explain.ExplainResult;

/**
 * Explains a statement on some server; called off the FX thread. The app implements it with an
 * {@link dev.vigil.ops.explain.ExplainRunner} on an operator connection to the chosen node.
 */
@FunctionalInterface
public interface ExplainService {
    ExplainResult explain(ExplainRequest request) throws Exception;
}
