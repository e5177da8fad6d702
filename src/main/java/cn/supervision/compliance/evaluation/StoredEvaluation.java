package cn.supervision.compliance.evaluation;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One recorded evaluation: who submitted it, the request as submitted, the rule-set version, the jurisdiction that
 * judged it (the subject's own node unless the request named one on its chain) and the time it was answered with,
 * and the default answer as written ({@code null} for rows stored before the answer was kept).
 */
public record StoredEvaluation(String id, String submittedBy, JsonNode request, String ruleSet, String ruleSetVersion,
                               String jurisdiction, Instant evaluatedAt, byte[] answer) {
}
