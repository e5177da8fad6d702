package cn.supervision.compliance.audit;

/** A search of stored evaluations; null criteria match everything. {@code page} counts from 0. */
public record EvaluationQuery(String countyCode, Integer year, String ruleSet, Boolean passed, String failedIndicator,
                              int page, int size) {
}
