package cn.supervision.compliance.evaluation;

import com.fasterxml.jackson.databind.JsonNode;

/** One recorded evaluation: the request as submitted, who submitted it, and the result. */
public record StoredEvaluation(String id, String submittedBy, JsonNode request, EvaluationResult result) {
}
