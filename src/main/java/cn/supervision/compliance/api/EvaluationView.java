package cn.supervision.compliance.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.supervision.compliance.evaluation.EvaluationResult;
import cn.supervision.compliance.facts.InvalidInput;

/** Which body an evaluation is answered with: {@code ?view=compact} (the default) or {@code ?view=full}. */
enum EvaluationView {
    COMPACT, FULL;

    static final String PARAMETER = "view";
    static final String DESCRIPTION = "compact (default): what an integrator acts on, each fired rule row once with its"
            + " count; full: every check with its raw figures, passes included, and every firing in order";

    /** The view a request asks for; anything but the two names is the client's mistake. */
    static EvaluationView of(String view) {
        if (view == null || view.equals("compact")) {
            return COMPACT;
        }
        if (view.equals("full")) {
            return FULL;
        }
        throw InvalidInput.of(PARAMETER, "input.view.unknown", view);
    }

    /** The body: the result itself in the full view (the JSON it was stored as), else its compact projection. */
    Object body(EvaluationResult result, ObjectMapper mapper) {
        return this == FULL ? result : CompactView.of((ObjectNode) mapper.valueToTree(result));
    }
}
