package cn.supervision.compliance.evaluation;

import com.fasterxml.jackson.databind.JsonNode;

import cn.supervision.compliance.ruleset.CompiledRuleSet;

/** Evaluates the subject of one rule set (a county, a school, a district…) against a built rule base. */
interface SubjectEvaluator {

    String ruleSet();

    EvaluationResult evaluate(CompiledRuleSet rules, String jurisdiction, JsonNode subject);
}
