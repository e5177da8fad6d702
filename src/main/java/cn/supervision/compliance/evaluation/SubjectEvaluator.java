package cn.supervision.compliance.evaluation;

import com.fasterxml.jackson.databind.JsonNode;

import cn.supervision.compliance.ruleset.CompiledRuleSet;
import cn.supervision.compliance.ruleset.DataItemCatalogue;

/**
 * Evaluates the subject of one rule set (a county, a school, a district…) against a built rule base, and names the
 * data items its derivation produces.
 */
interface SubjectEvaluator extends DataItemCatalogue {

    EvaluationResult evaluate(CompiledRuleSet rules, String jurisdiction, JsonNode subject);
}
