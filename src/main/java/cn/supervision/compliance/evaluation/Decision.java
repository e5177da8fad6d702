package cn.supervision.compliance.evaluation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import cn.supervision.compliance.evaluation.EvaluationResult.Verdict;

/**
 * The recognition decision (认定) with its reasons in order of importance: vetoes, failed class-A indicators and
 * prerequisites, failed class-B indicators, the grade, then what could not be assessed.
 */
public record Decision(Outcome outcome, List<String> reasons, String rule) {

    public enum Outcome {
        RECOGNISED("认定"), NOT_RECOGNISED("不予认定"), INCOMPLETE("资料不全，暂不能认定");

        private final String label;

        Outcome(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public static Decision decide(List<IndicatorVerdict> verdicts, Grade grade, List<Veto> vetoes, String rule) {
        List<IndicatorVerdict> ordered = verdicts.stream()
                .sorted(Comparator.comparingInt(v -> v.definition().catalogueRow()))
                .toList();
        List<String> reasons = new ArrayList<>();
        vetoes.stream().sorted(Comparator.comparing(Veto::code))
                .forEach(v -> reasons.add("一票否决：" + v.name()));
        ordered.stream().filter(v -> v.definition().mustPass() && v.verdict() == Verdict.FAILED)
                .forEach(v -> reasons.add(kind(v) + "未达标：" + v.code() + " " + v.definition().name()
                        + (v.failing().isEmpty() ? "" : "（" + String.join("；", v.failing()) + "）")));
        ordered.stream().filter(v -> !v.definition().mustPass() && v.verdict() == Verdict.FAILED)
                .forEach(v -> reasons.add("B类指标得分低于最低要求：" + v.code() + " " + v.definition().name() + " 得分 "
                        + v.score().toPlainString() + "，最低 " + v.floor().stripTrailingZeros().toPlainString()));
        if (grade.assessed() && !grade.band().recognised()) {
            reasons.add("B类指标总分 " + grade.total().stripTrailingZeros().toPlainString() + " 分，等级为"
                    + grade.band().label());
        }
        boolean failed = !reasons.isEmpty();
        ordered.stream().filter(v -> v.verdict() == Verdict.NOT_ASSESSED)
                .forEach(v -> reasons.add("未评估（资料不全）：" + v.code() + " " + v.definition().name()));
        Outcome outcome = failed ? Outcome.NOT_RECOGNISED
                : reasons.isEmpty() ? Outcome.RECOGNISED : Outcome.INCOMPLETE;
        return new Decision(outcome, List.copyOf(reasons), rule);
    }

    private static String kind(IndicatorVerdict v) {
        return IndicatorDefinition.PREREQUISITE.equals(v.category()) ? "认定前提" : "A类指标";
    }
}
