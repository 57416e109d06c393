package dev.vigil.ui.queries;

import dev.vigil.ops.explain.ExplainRequest;
import dev.vigil.ops.explain.ExplainResult;

/**
 * Explains a statement on some server; called off the FX thread. The app implements it with the core's
 * {@link dev.vigil.ops.explain.NodeExplain} on the node shown ({@code NodeExplainService}).
 */
@FunctionalInterface
public interface ExplainService {
    ExplainResult explain(ExplainRequest request) throws Exception;
}
