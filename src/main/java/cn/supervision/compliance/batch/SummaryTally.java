package cn.supervision.compliance.batch;

import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import cn.supervision.compliance.audit.FailedCheck;
import cn.supervision.compliance.evaluation.EvaluationResult;

/** Counts a batch's results as the workers report them (thread-safe); {@link #summary} reads the counts at the end. */
final class SummaryTally {

    private int evaluated;
    private int passed;
    private final Map<String, Integer> decisions = new TreeMap<>();
    private final Map<String, Integer> grades = new TreeMap<>();
    private final Map<String, int[]> failing = new HashMap<>();
    private final Map<Integer, BatchSummary.InvalidCounty> invalid = new TreeMap<>();
    private String ruleSetVersion;

    synchronized void add(EvaluationResult result) {
        evaluated++;
        passed += result.passed() ? 1 : 0;
        ruleSetVersion = result.ruleSetVersion();
        if (result.decision() != null) {
            decisions.merge(result.decision().outcome(), 1, Integer::sum);
        }
        if (result.grade() != null) {
            grades.merge(result.grade(), 1, Integer::sum);
        }
        Set<String> inThisCounty = new HashSet<>();
        for (FailedCheck check : FailedCheck.of(result)) {
            int[] counts = failing.computeIfAbsent(check.indicator(), k -> new int[2]);
            counts[1]++;
            if (inThisCounty.add(check.indicator())) {
                counts[0]++;
            }
        }
    }

    /** A county not evaluated; {@code position} (its place in the batch) orders the summary's list. */
    synchronized void reject(int position, BatchSummary.InvalidCounty county) {
        invalid.put(position, county);
    }

    synchronized int invalidCount() {
        return invalid.size();
    }

    synchronized BatchSummary summary(BatchJob job) {
        List<BatchSummary.FailingIndicator> indicators = failing.entrySet().stream()
                .map(e -> new BatchSummary.FailingIndicator(e.getKey(), e.getValue()[0], e.getValue()[1]))
                .sorted(Comparator.comparingInt(BatchSummary.FailingIndicator::counties).reversed()
                        .thenComparing(BatchSummary.FailingIndicator::indicator))
                .toList();
        return new BatchSummary(job.id(), job.ruleSet(), job.jurisdiction(), ruleSetVersion, job.total(), evaluated,
                passed, evaluated - passed, new TreeMap<>(decisions), new TreeMap<>(grades), indicators, List.copyOf(invalid.values()));
    }
}
