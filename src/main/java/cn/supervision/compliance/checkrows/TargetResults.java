package cn.supervision.compliance.checkrows;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.apache.commons.math3.fraction.BigFraction;

import cn.supervision.compliance.evaluation.EvaluationResult.CheckResult;
import cn.supervision.compliance.evaluation.EvaluationResult.Verdict;
import cn.supervision.compliance.ruleset.CompiledRuleSet;
import cn.supervision.compliance.statistics.Fractions;
import cn.supervision.compliance.text.Texts;
import cn.supervision.compliance.evaluation.EvaluationResult;
import cn.supervision.compliance.evaluation.Headlines;
import cn.supervision.compliance.evaluation.RuleSetIndicators;

/**
 * Outcomes → the result of a curriculum or district-target evaluation: {@code checks[]} in workbook order,
 * {@code hints[]} for the failed ones, {@code passed} when no check failed. Sections, exclusions and variation are
 * parts of the county assessment and stay empty.
 */
public final class TargetResults {

    private static final int VALUE_SCALE = 4;
    private static final String PERCENT = "%";
    private static final BigFraction HUNDRED = Fractions.of(100);

    private TargetResults() {
    }

    public static EvaluationResult assemble(CompiledRuleSet rules, String jurisdiction, EvaluationResult.Subject subject,
                                     TargetSession.Outcomes outcomes) {
        List<CheckResult> checks = outcomes.outcomes().stream().map(o -> check(rules, subject, o)).toList();
        List<EvaluationResult.Hint> hints = new ArrayList<>();
        for (Outcome outcome : outcomes.outcomes()) {
            outcomes.guidance().stream().filter(g -> g.outcome() == outcome)
                    .map(g -> hint(rules, subject, g)).forEach(hints::add);
        }
        boolean passed = checks.stream().noneMatch(c -> c.verdict() == Verdict.FAILED);
        List<String> reasons = checks.stream().filter(c -> c.verdict() == Verdict.FAILED)
                .map(CheckResult::reason).toList();
        Verdict verdict = passed ? Verdict.PASSED : Verdict.FAILED;
        EvaluationResult.DecisionResult decision = new EvaluationResult.DecisionResult(verdict.name(),
                verdict.label(), reasons, null);
        return new EvaluationResult(null, rules.name(), jurisdiction, outcomes.chain().rootFirst(), rules.version(),
                subject, passed, Instant.now().truncatedTo(ChronoUnit.MILLIS),
                summary(subject, checks, hints, passed, reasons),
                outcomes.firedRules().stream().map(rules::origin).toList(), hints,
                new ChecksBody(checks, decision));
    }

    /** The counts of every verdict, so the headline's counts add up to the checks listed. */
    private static EvaluationResult.Summary summary(EvaluationResult.Subject subject, List<CheckResult> checks,
                                                    List<EvaluationResult.Hint> hints, boolean passed,
                                                    List<String> reasons) {
        int met = count(checks, Verdict.PASSED);
        int failed = count(checks, Verdict.FAILED);
        int notAssessed = count(checks, Verdict.NOT_ASSESSED);
        int notApplicable = count(checks, Verdict.NOT_APPLICABLE);
        int notInForce = count(checks, Verdict.NOT_YET_IN_FORCE);
        String name = Stream.of(subject.name(), subject.code())
                .filter(n -> n != null && !n.isBlank()).findFirst().orElse("");
        String headline = Texts.of(passed ? "result.headline.passed" : "result.headline.failed",
                Texts.of("result.headline.checks", name, subject.year(), checks.size(), met, failed, notAssessed,
                        notApplicable, notInForce), Headlines.why(reasons));
        return new EvaluationResult.Summary(headline, 0, 0, 0, 0, 0, met, failed, notAssessed, notApplicable,
                notInForce, hints.size());
    }

    private static int count(List<CheckResult> checks, Verdict verdict) {
        return (int) checks.stream().filter(c -> c.verdict() == verdict).count();
    }

    public static RuleSetIndicators listing(CompiledRuleSet rules) {
        TargetSession.Catalogue catalogue = TargetSession.catalogue(rules);
        List<RuleSetIndicators.Indicator> indicators = catalogue.standards().stream()
                .map(s -> new RuleSetIndicators.Indicator(s.code(), s.name(), s.description(), s.basis().label(),
                        s.requirement().comparator().symbol(), shown(s, s.requirement().thresholdFraction()), s.unit(),
                        s.scope(), s.inForceFrom(), s.jurisdiction(), s.source(), rules.origin(s.rule())))
                .toList();
        return new RuleSetIndicators(rules.name(), rules.version(), indicators, catalogue.jurisdictions().stream()
                .map(RuleSetIndicators.Jurisdiction::of).toList());
    }

    private static CheckResult check(CompiledRuleSet rules, EvaluationResult.Subject subject, Outcome outcome) {
        Standard standard = outcome.standard();
        String scope = standard.scope();
        String checked = scope != null ? scope : subject.code();
        String reason = switch (outcome.verdict()) {
            case FAILED -> Texts.of("result.check.failed", standard.code(), standard.name(),
                    outcome.failing().isEmpty() ? "" : Texts.of("result.reason.failing",
                            String.join(Texts.of("result.separator"), outcome.failing())));
            case PASSED -> Texts.of("result.check.verdict", standard.code(), standard.name(),
                    outcome.verdict().label());
            default -> Texts.of("result.check.verdict", standard.code(), standard.name(), outcome.verdict().label())
                    + (outcome.note() == null ? "" : Texts.of("result.reason.failing", outcome.note()));
        };
        return new CheckResult(standard.code(), standard.name(), standard.basis().label(), null, checked,
                checked.equals(subject.code()) ? subject.name() : null, outcome.verdict(),
                reason, shown(standard, outcome.value()),
                standard.requirement().comparator().symbol(), shown(standard, outcome.threshold()),
                standard.description(), standard.unit(), null, null, outcome.failing(), outcome.note(),
                rules.origin(standard.rule()));
    }

    /** Rates are compared as fractions and shown as percentages when the row's unit is %. */
    private static BigDecimal shown(Standard standard, BigFraction value) {
        if (value == null) {
            return null;
        }
        BigDecimal shown = Fractions.rounded(PERCENT.equals(standard.unit()) ? value.multiply(HUNDRED) : value,
                VALUE_SCALE);
        return shown.scale() < 0 ? shown.setScale(0) : shown;
    }

    private static EvaluationResult.Hint hint(CompiledRuleSet rules, EvaluationResult.Subject subject, Guidance g) {
        List<String> units = new ArrayList<>();
        if (g.leadUnit() != null) {
            units.add(g.leadUnit());
        }
        units.addAll(g.supportingUnits());
        return new EvaluationResult.Hint(g.outcome().code(), subject.code(), subject.name(), null, null,
                g.outcome().standard().unit(), g.measures(), units, null, g.source(), rules.origin(g.rule()),
                g.leadUnit(), g.supportingUnits());
    }
}
