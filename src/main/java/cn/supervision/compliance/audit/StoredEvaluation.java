package cn.supervision.compliance.audit;

import com.fasterxml.jackson.databind.JsonNode;

import cn.supervision.compliance.evaluation.EvaluationResult;

/** One evaluation as the audit trail holds it: the request as submitted, who submitted it, and the result. */
public record StoredEvaluation(String id, String submittedBy, JsonNode request, EvaluationResult result) {
}
