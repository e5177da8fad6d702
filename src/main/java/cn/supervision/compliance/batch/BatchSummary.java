package cn.supervision.compliance.batch;

import java.util.List;
import java.util.Map;

import cn.supervision.compliance.facts.InputProblem;

/**
 * The end of a batch: how many counties were evaluated, recognised or not (the decision's outcome), passed the
 * resource-allocation rule, the failing indicators by the number of counties they fail in (most frequent first),
 * the counties per grade, and every county that could not be evaluated with where it was and what was wrong.
 */
public record BatchSummary(String batchId, String ruleSet, String jurisdiction, String ruleSetVersion, int total,
                           int evaluated, int passed, int failed, Map<String, Integer> decisions,
                           Map<String, Integer> grades, List<FailingIndicator> failingIndicators,
                           List<InvalidCounty> invalid) {

    /** An indicator and the number of counties (and of failed checks in all) it failed in. */
    public record FailingIndicator(String indicator, int counties, int failures) {
    }

    /** A county that was not evaluated: its line or file, and the problems found. */
    public record InvalidCounty(String source, List<InputProblem> problems) {
    }
}
