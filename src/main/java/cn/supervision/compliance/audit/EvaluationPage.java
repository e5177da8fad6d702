package cn.supervision.compliance.audit;

import java.util.List;

/** One page of stored evaluations, newest first; {@code total} counts every match. */
public record EvaluationPage(List<EvaluationSummary> items, int page, int size, long total, int totalPages) {
}
