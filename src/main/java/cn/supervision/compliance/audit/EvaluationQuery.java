package cn.supervision.compliance.audit;

import cn.supervision.compliance.system.AccountScope.Reach;

/**
 * A search of stored evaluations; null criteria match everything. {@code page} counts from 0. {@code reach} (governance
 * lane, issue 22): the caller's subtree, subjects whose code starts with {@code codePrefix} or judged under one of
 * {@code nodes}; null for a national caller.
 */
public record EvaluationQuery(String countyCode, Integer year, String ruleSet, Boolean passed, String failedIndicator,
                              int page, int size, Reach reach) {

    public EvaluationQuery(String countyCode, Integer year, String ruleSet, Boolean passed, String failedIndicator,
                           int page, int size) {
        this(countyCode, year, ruleSet, passed, failedIndicator, page, size, null);
    }
}
