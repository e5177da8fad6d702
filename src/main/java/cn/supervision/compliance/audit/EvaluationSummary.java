package cn.supervision.compliance.audit;

import java.time.Instant;
import java.util.List;

/** One line of a search result; {@code failedIndicators} are the distinct codes of its failed checks. */
public record EvaluationSummary(String id, String ruleSet, String ruleSetVersion, String jurisdiction,
                                String subjectCode, String subjectName, int year, boolean passed, Instant evaluatedAt,
                                String submittedBy, List<String> failedIndicators) {
}
