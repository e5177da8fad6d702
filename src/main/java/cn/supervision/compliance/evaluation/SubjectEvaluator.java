package cn.supervision.compliance.evaluation;

import com.fasterxml.jackson.databind.JsonNode;

import cn.supervision.compliance.ruleset.CompiledRuleSet;
import cn.supervision.compliance.ruleset.DataItemCatalogue;

/**
 * One rule set's part of the pipeline (ARCHITECTURE.md, "The flow of one evaluation"), implemented once by each
 * rule-set module: validate the subject, derive its facts and judge them in one session, assemble the result.
 * {@link Evaluations} runs the phases in this order for the JSON request, the data-entry upload and the batch, then
 * records the result; the pipeline names no rule set.
 *
 * @param <S> the rule set's subject, read and checked (a county, a school, a district or a province)
 * @param <O> what the rule set's session leaves for assembly
 */
public interface SubjectEvaluator<S, O> extends DataItemCatalogue {

    /** Validate: the subject read from the request and checked; any problem is an InvalidInput naming its field. */
    S validate(JsonNode subject);

    /**
     * Derive and session: the subject's figures become facts and are judged by the rule base's rows in one
     * {@link RuleSession} (a derivation may need parameter rows of the session, as the split weights of a county).
     */
    O session(CompiledRuleSet rules, String jurisdiction, S subject);

    /** Assemble: what the session left, as the result envelope and the body of the subject's kind. */
    EvaluationResult assemble(CompiledRuleSet rules, String jurisdiction, S subject, O outcome);

    /** The record types its result's body writes into the views, for the OpenAPI document. */
    ResultViews.PartTypes answerParts();

    /** The phases in order, on a given rule base; nothing is stored. */
    default EvaluationResult evaluate(CompiledRuleSet rules, String jurisdiction, JsonNode subject) {
        S read = validate(subject);
        return assemble(rules, jurisdiction, read, session(rules, jurisdiction, read));
    }
}
