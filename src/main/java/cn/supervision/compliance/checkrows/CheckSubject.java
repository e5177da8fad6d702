package cn.supervision.compliance.checkrows;

import java.util.List;

import cn.supervision.compliance.evaluation.EvaluationResult;
import cn.supervision.compliance.facts.Observation;

/**
 * A subject of a rule set judged by check rows, validated and derived: the level its rows name (评估对象), its year,
 * what it reaches (grades, school type), its observations and how the result names it.
 */
public record CheckSubject(String level, int year, Reach reach, List<Observation> observations,
                           EvaluationResult.Subject subject) {
}
