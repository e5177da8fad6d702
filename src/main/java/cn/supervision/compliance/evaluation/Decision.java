package cn.supervision.compliance.evaluation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import cn.supervision.compliance.evaluation.EvaluationResult.Verdict;
import cn.supervision.compliance.text.Texts;

/**
 * The recognition decision (认定) with its reasons in order of importance: vetoes, failed class-A indicators and
 * prerequisites, failed class-B indicators, the grade, then what could not be assessed.
 */
public record Decision(Outcome outcome, List<String> reasons, String rule) {

    public enum Outcome {
        RECOGNISED, NOT_RECOGNISED, INCOMPLETE;

        /** The outcome as the decision is written (认定, 不予认定…), in the language of the answer. */
        public String label() {
            return Texts.of("result.outcome." + name());
        }
    }

    public static Decision decide(List<IndicatorVerdict> verdicts, Grade grade, List<Veto> vetoes, String rule) {
        List<IndicatorVerdict> ordered = verdicts.stream()
                .sorted(Comparator.comparingInt(v -> v.definition().catalogueRow()))
                .toList();
        List<String> reasons = new ArrayList<>();
        vetoes.stream().sorted(Comparator.comparing(Veto::code))
                .forEach(v -> reasons.add(Texts.of("result.reason.veto", v.name())));
        ordered.stream().filter(v -> v.definition().mustPass() && v.verdict() == Verdict.FAILED)
                .forEach(v -> reasons.add(Texts.of(failedCode(v), v.code(), v.definition().name(), failing(v))));
        ordered.stream().filter(v -> !v.definition().mustPass() && v.verdict() == Verdict.FAILED)
                .forEach(v -> reasons.add(Texts.of("result.reason.score-below-floor", v.code(), v.definition().name(),
                        v.score().toPlainString(), v.floor().stripTrailingZeros().toPlainString())));
        if (grade.assessed() && !grade.band().recognised()) {
            reasons.add(Texts.of("result.reason.grade", grade.total().stripTrailingZeros().toPlainString(),
                    grade.band().label()));
        }
        boolean failed = !reasons.isEmpty();
        ordered.stream().filter(v -> v.verdict() == Verdict.NOT_ASSESSED)
                .forEach(v -> reasons.add(Texts.of("result.reason.not-assessed", v.code(), v.definition().name())));
        Outcome outcome = failed ? Outcome.NOT_RECOGNISED
                : reasons.isEmpty() ? Outcome.RECOGNISED : Outcome.INCOMPLETE;
        return new Decision(outcome, List.copyOf(reasons), rule);
    }

    private static String failedCode(IndicatorVerdict v) {
        return IndicatorDefinition.PREREQUISITE.equals(v.category()) ? "result.reason.prerequisite-failed"
                : "result.reason.class-a-failed";
    }

    /** What fails the indicator, in brackets after its name: "（S01（小学）；S02（初中））"; nothing when none is named. */
    private static String failing(IndicatorVerdict v) {
        return v.failing().isEmpty() ? ""
                : Texts.of("result.reason.failing", String.join(Texts.of("result.separator"), v.failing()));
    }
}
