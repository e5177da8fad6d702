package cn.supervision.compliance.evaluation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

import io.swagger.v3.oas.annotations.media.Schema;

import cn.supervision.compliance.evaluation.EvaluationResult.CheckResult;
import cn.supervision.compliance.evaluation.EvaluationResult.Hint;
import cn.supervision.compliance.evaluation.EvaluationResult.Subject;
import cn.supervision.compliance.evaluation.EvaluationResult.Summary;
import cn.supervision.compliance.evaluation.EvaluationResult.Verdict;
import cn.supervision.compliance.facts.Stage;
import cn.supervision.compliance.ruleset.RuleOrigin;

/**
 * The two answers written from a result's body (API.md, "The result" and "The compact default view"): the full view,
 * every field for every item, and the compact default, the same names without repetition. Both are plain records
 * serialised as they stand; nothing is pruned from a JSON tree afterwards.
 */
public final class ResultViews {

    private ResultViews() {
    }

    /**
     * Every check with its raw figures, passes included, and every firing in order. The envelope's fields and, in
     * their places, the body's: its conclusion (scope, decision, grade) before the summary, its findings after it.
     */
    public record Full(String id, String ruleSet, String jurisdiction, List<String> jurisdictionChain,
                       String ruleSetVersion, Subject subject, boolean passed,
                       @JsonUnwrapped @Schema(implementation = Object.class) Object conclusion, Instant evaluatedAt,
                       Summary summary, @JsonUnwrapped @Schema(implementation = Object.class) Object findings,
                       List<RuleOrigin> firedRules, List<Hint> hints) {
    }

    /**
     * What an integrator acts on: the body's compact parts (a section with its counts and only its unmet
     * indicators, a passed check as its code and verdict), one hint per remedy row with the subjects it applies to,
     * each fired rule row once.
     */
    public record Compact(String id, String ruleSet, String jurisdiction, List<String> jurisdictionChain,
                          String ruleSetVersion, Subject subject, boolean passed,
                          @JsonUnwrapped @Schema(implementation = Object.class) Object conclusion,
                          Instant evaluatedAt, Summary summary,
                          @JsonUnwrapped @Schema(implementation = Object.class) Object findings,
                          List<FiredRule> firedRules, List<HintGroup> hints) {
    }

    /**
     * A body's part of a view, written in place: {@code conclusion} (its records' fields, such as the decision and
     * grade) before the summary, {@code findings} (checks, sections…) after it.
     */
    public record Parts(Object conclusion, Object findings) {
    }

    /**
     * The record types of a body's parts, for the OpenAPI document: its conclusion, its findings in the full view and
     * in the default view.
     */
    public record PartTypes(Class<?> conclusion, Class<?> findings, Class<?> compactFindings) {
    }

    /** A passed check in the compact view: its code and verdict (the figures are in the full view). */
    public record PassedCheck(String code, Verdict verdict) {
    }

    /** A rule row that fired and how many times, in the order of its first firing. */
    public record FiredRule(String name, String workbook, String sheet, Integer row, int count) {
    }

    /** One remedy row (整改措施) with the subjects it applies to: its texts once however many schools share them. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record HintGroup(String indicator, String measures, List<String> departments, String office,
                            String source, RuleOrigin rule, String leadUnit, List<String> supportingUnits,
                            List<HintSubject> subjects) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record HintSubject(String subject, String name, Stage stage, BigDecimal shortfall, String unit) {
    }

    static Full full(EvaluationResult e) {
        Parts parts = e.body().full();
        return new Full(e.id(), e.ruleSet(), e.jurisdiction(), e.jurisdictionChain(), e.ruleSetVersion(),
                e.subject(), e.passed(), parts.conclusion(), e.evaluatedAt(), e.summary(), parts.findings(),
                e.firedRules(), e.hints());
    }

    static Compact compact(EvaluationResult e) {
        Parts parts = e.body().compact();
        return new Compact(e.id(), e.ruleSet(), e.jurisdiction(), e.jurisdictionChain(), e.ruleSetVersion(),
                e.subject(), e.passed(), parts.conclusion(), e.evaluatedAt(), e.summary(), parts.findings(),
                firedOnce(e.firedRules()), byRemedyRow(e.hints()));
    }

    /** The checks of the compact view: a passed check as its code and verdict, any other with its figures. */
    public static List<Object> compactChecks(List<CheckResult> checks) {
        return checks.stream()
                .map(c -> c.verdict() == Verdict.PASSED ? (Object) new PassedCheck(c.code(), c.verdict()) : c)
                .toList();
    }

    static List<FiredRule> firedOnce(List<RuleOrigin> firings) {
        Map<RuleOrigin, Integer> counts = new LinkedHashMap<>();
        firings.forEach(f -> counts.merge(f, 1, Integer::sum));
        List<FiredRule> rows = new ArrayList<>(counts.size());
        counts.forEach((o, n) -> rows.add(new FiredRule(o.name(), o.workbook(), o.sheet(), o.row(), n)));
        return rows;
    }

    /** The key of a remedy row: everything a hint says but its subject and shortfall. */
    private record RemedyRow(String indicator, String measures, List<String> departments, String office,
                             String source, RuleOrigin rule, String leadUnit, List<String> supportingUnits) {
    }

    static List<HintGroup> byRemedyRow(List<Hint> hints) {
        Map<RemedyRow, List<HintSubject>> rows = new LinkedHashMap<>();
        for (Hint h : hints) {
            rows.computeIfAbsent(new RemedyRow(h.indicator(), h.measures(), h.departments(), h.office(), h.source(),
                            h.rule(), h.leadUnit(), h.supportingUnits()), k -> new ArrayList<>())
                    .add(new HintSubject(h.subject(), h.subjectName(), h.stage(), h.shortfall(), h.unit()));
        }
        List<HintGroup> groups = new ArrayList<>(rows.size());
        rows.forEach((r, subjects) -> groups.add(new HintGroup(r.indicator(), r.measures(), r.departments(),
                r.office(), r.source(), r.rule(), r.leadUnit(), r.supportingUnits(), List.copyOf(subjects))));
        return groups;
    }
}
