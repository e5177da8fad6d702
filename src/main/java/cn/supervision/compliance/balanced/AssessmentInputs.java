package cn.supervision.compliance.balanced;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.supervision.compliance.balanced.AssessmentInput;
import cn.supervision.compliance.facts.InputProblem;
import cn.supervision.compliance.facts.InvalidInput;
import cn.supervision.compliance.facts.SpendingYear;
import cn.supervision.compliance.evaluation.SubItemMax;
import cn.supervision.compliance.evaluation.SubItemScore;
import cn.supervision.compliance.evaluation.VetoFlag;
import cn.supervision.compliance.evaluation.VetoItem;

/**
 * The team's sub-item scores and the veto flags, checked against what the rule set defines: a known indicator code,
 * one score per sub-item between 0 and the sub-item's maximum, a known veto code, and a spending series with no gap.
 */
record AssessmentInputs(List<SubItemScore> scores, List<VetoFlag> vetoFlags) {

    static AssessmentInputs read(AssessmentInput input, List<SubItemMax> maxima, List<VetoItem> vetoItems,
                                 String prefix) {
        if (input == null) {
            return new AssessmentInputs(List.of(), List.of());
        }
        List<InputProblem> problems = new ArrayList<>();
        List<SubItemScore> scores = scores(input.scores(), maxima, prefix + "scores", problems);
        List<VetoFlag> flags = vetoFlags(input.veto(), vetoItems, prefix + "veto", problems);
        checkSeries(input.spending(), prefix + "spending", problems);
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        return new AssessmentInputs(scores, flags);
    }

    private static List<SubItemScore> scores(Map<String, List<BigDecimal>> submitted, List<SubItemMax> maxima,
                                             String field, List<InputProblem> problems) {
        if (submitted == null) {
            return List.of();
        }
        Map<String, List<SubItemMax>> byIndicator = maxima.stream()
                .collect(Collectors.groupingBy(SubItemMax::indicator));
        List<SubItemScore> scores = new ArrayList<>();
        submitted.forEach((code, values) -> {
            List<SubItemMax> items = byIndicator.get(code);
            if (items == null) {
                problems.add(InputProblem.of(field + "." + code, "input.assessment.unknown-b-indicator", code,
                        new TreeSet<>(byIndicator.keySet())));
                return;
            }
            Map<Integer, SubItemMax> byItem = items.stream().collect(Collectors.toMap(SubItemMax::item, Function.identity()));
            if (values.size() != items.size()) {
                problems.add(InputProblem.of(field + "." + code, "input.assessment.sub-item-count", code, items.size(),
                        values.size()));
                return;
            }
            for (int i = 0; i < values.size(); i++) {
                BigDecimal score = values.get(i);
                SubItemMax max = byItem.get(i + 1);
                if (max == null) {
                    problems.add(InputProblem.of(field + "." + code + "[" + i + "]", "input.assessment.no-sub-item", i + 1));
                } else if (score.signum() < 0 || score.compareTo(max.max()) > 0) {
                    problems.add(InputProblem.of(field + "." + code + "[" + i + "]", "input.assessment.score-out-of-range",
                            score, max.max().stripTrailingZeros(), max.text()));
                } else {
                    scores.add(new SubItemScore(code, i + 1, score));
                }
            }
        });
        return scores;
    }

    private static List<VetoFlag> vetoFlags(Map<String, Boolean> submitted, List<VetoItem> items, String field,
                                            List<InputProblem> problems) {
        if (submitted == null) {
            return List.of();
        }
        Set<String> known = items.stream().map(VetoItem::code).collect(Collectors.toCollection(TreeSet::new));
        List<VetoFlag> flags = new ArrayList<>();
        submitted.forEach((code, raised) -> {
            if (known.contains(code)) {
                flags.add(new VetoFlag(code, raised));
            } else {
                problems.add(InputProblem.of(field + "." + code, "input.assessment.unknown-veto", code, known));
            }
        });
        return flags;
    }

    private static void checkSeries(List<SpendingYear> series, String field, List<InputProblem> problems) {
        if (series == null || series.isEmpty()) {
            return;
        }
        List<Integer> years = series.stream().map(SpendingYear::year).sorted().toList();
        for (int i = 1; i < years.size(); i++) {
            if (years.get(i).equals(years.get(i - 1))) {
                problems.add(InputProblem.of(field, "input.assessment.year-twice", years.get(i)));
            } else if (years.get(i) != years.get(i - 1) + 1) {
                problems.add(InputProblem.of(field, "input.assessment.year-missing", years.get(i - 1) + 1));
            }
        }
    }
}
