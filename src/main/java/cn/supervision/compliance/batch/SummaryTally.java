package cn.supervision.compliance.batch;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Counts a batch's county rows, in batch order, into its summary. */
final class SummaryTally {

    private int evaluated;
    private int passed;
    private final Map<String, Integer> decisions = new TreeMap<>();
    private final Map<String, Integer> grades = new TreeMap<>();
    /** Per indicator: counties failing it, failed checks in all. */
    private final Map<String, int[]> failing = new HashMap<>();
    private final List<BatchSummary.InvalidCounty> invalid = new ArrayList<>();
    private String ruleSetVersion;

    void evaluated(String version, boolean countyPassed, String decision, String grade, Map<String, Integer> failures) {
        evaluated++;
        passed += countyPassed ? 1 : 0;
        if (ruleSetVersion == null) {
            ruleSetVersion = version;
        }
        if (decision != null) {
            decisions.merge(decision, 1, Integer::sum);
        }
        if (grade != null) {
            grades.merge(grade, 1, Integer::sum);
        }
        failures.forEach((indicator, count) -> {
            int[] counts = failing.computeIfAbsent(indicator, k -> new int[2]);
            counts[0]++;
            counts[1] += count;
        });
    }

    void invalid(BatchSummary.InvalidCounty county) {
        invalid.add(county);
    }

    BatchSummary summary(BatchStore.Batch batch) {
        List<BatchSummary.FailingIndicator> indicators = failing.entrySet().stream()
                .map(e -> new BatchSummary.FailingIndicator(e.getKey(), e.getValue()[0], e.getValue()[1]))
                .sorted(Comparator.comparingInt(BatchSummary.FailingIndicator::counties).reversed()
                        .thenComparing(BatchSummary.FailingIndicator::indicator))
                .toList();
        return new BatchSummary(batch.id(), batch.ruleSet(), batch.jurisdiction(), ruleSetVersion, batch.total(),
                evaluated, passed, evaluated - passed, new TreeMap<>(decisions), new TreeMap<>(grades), indicators,
                List.copyOf(invalid));
    }
}
