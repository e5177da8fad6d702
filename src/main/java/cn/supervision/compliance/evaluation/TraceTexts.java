package cn.supervision.compliance.evaluation;

import java.math.BigDecimal;

import cn.supervision.compliance.evaluation.EvaluationResult.CheckResult;
import cn.supervision.compliance.evaluation.EvaluationResult.Verdict;
import cn.supervision.compliance.facts.Stage;
import cn.supervision.compliance.ruleset.RuleOrigin;
import cn.supervision.compliance.text.Texts;

/**
 * The words every rule set's trace steps share ({@code trace.*} of the catalogue): where a rule row is, a verdict, a
 * stage, a plain figure, and the step of a generic check.
 */
public final class TraceTexts {

    private TraceTexts() {
    }

    /** An indicator of a check list, or one figure behind it (a detail names its subject and raw figures). */
    public static TraceStep.CheckStep check(CheckResult check) {
        String text = check.code() + " " + check.name();
        if (check.subject() != null) {
            text = Texts.of("trace.check.subject", text, check.subject());
        }
        if (check.score() != null) {
            text = Texts.of("trace.check.score", text, plain(check.score()), plain(check.maxScore()),
                    plain(check.threshold()));
        } else if (check.value() != null || check.requirement() != null) {
            text = Texts.of("trace.check.value", text, plain(check.value()), check.requirement() != null
                    ? check.requirement() : check.comparator() + plain(check.threshold()));
        }
        if (!check.failing().isEmpty()) {
            text = Texts.of("trace.check.failing", text, String.join("；", check.failing()));
        }
        if (check.subject() != null && check.note() != null) {
            text = Texts.of("trace.check.note", text, check.note());
        }
        return new TraceStep.CheckStep(check.subject(), check.code(), check.name(), check.value(), check.comparator(),
                check.threshold(), check.unit(), check.verdict(), check.note(), check.rule(),
                Texts.of("trace.check", text, where(check.rule()), verdict(check.verdict())));
    }

    /** The workbook row that decided a step, as a person finds it. */
    public static String where(RuleOrigin rule) {
        if (rule == null) {
            return Texts.of("trace.rule.none");
        }
        return rule.sheet() == null ? rule.workbook()
                : Texts.of("trace.rule", rule.workbook(), rule.sheet(), rule.row());
    }

    /** A verdict as the trace and the report write it, in the language of the answer. */
    public static String verdict(Verdict verdict) {
        return Texts.of("trace.verdict." + verdict);
    }

    public static String stage(Stage stage) {
        return Texts.of("stage." + stage);
    }

    public static String plain(BigDecimal value) {
        return value == null ? "—" : value.stripTrailingZeros().toPlainString();
    }
}
