package cn.supervision.compliance.balanced;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;

import cn.supervision.compliance.balanced.CountyBody.IndicatorResult;
import cn.supervision.compliance.balanced.CountyBody.SectionResult;
import cn.supervision.compliance.evaluation.EvaluationResult.CheckResult;
import cn.supervision.compliance.evaluation.EvaluationResult.Verdict;
import cn.supervision.compliance.evaluation.TraceStep;
import cn.supervision.compliance.evaluation.TraceTexts;
import cn.supervision.compliance.facts.Stage;
import cn.supervision.compliance.ruleset.RuleOrigin;
import cn.supervision.compliance.text.FieldName;
import cn.supervision.compliance.text.Texts;

/**
 * The trace of a county, read from its body and the request it answered: each section's indicators and school rule,
 * the excluded schools, the CVs, then the checks and the assessment's figures. Verdicts, values and shortfalls are
 * read, never recomputed.
 */
final class CountyTrace {

    private CountyTrace() {
    }

    static List<TraceStep> steps(CountyBody county, JsonNode request) {
        Map<String, JsonNode> schools = schools(request);
        List<TraceStep> steps = new ArrayList<>();
        for (SectionResult section : county.sections()) {
            JsonNode school = schools.get(section.schoolId());
            for (IndicatorResult indicator : section.indicators()) {
                steps.add(indicator(section, indicator, school));
            }
            steps.add(schoolRule(section));
        }
        for (CountyBody.ExcludedSchool excluded : county.excluded()) {
            JsonNode school = schools.get(excluded.schoolId());
            String name = school != null && school.hasNonNull("name") ? school.get("name").asText() : null;
            steps.add(new ExclusionStep(excluded.schoolId(), name, Verdict.NOT_ASSESSED, excluded.reason(),
                    excluded.rule(), Texts.of("trace.exclusion", name != null ? name : excluded.schoolId(),
                            Texts.orElse("result.excluded.reason." + excluded.reason(),
                                    "result.excluded.reason.other"), TraceTexts.where(excluded.rule()))));
        }
        for (CountyBody.VariationResult variation : county.variation()) {
            steps.add(variation(variation));
        }
        for (CheckResult check : county.checks()) {
            steps.add(TraceTexts.check(check));
        }
        if (county.assessment() != null) {
            for (CheckResult detail : county.assessment().details()) {
                steps.add(TraceTexts.check(detail));
            }
        }
        return steps;
    }

    private static TraceStep indicator(SectionResult section, IndicatorResult indicator, JsonNode school) {
        CountyBody.Derivation d = indicator.derivation();
        TraceStep.Figures figures = null;
        String computation = plain(indicator.value());
        if (d != null) {
            BigDecimal total = d.split() && school != null && school.hasNonNull(d.field())
                    ? school.get(d.field()).decimalValue() : null;
            String formula = (d.perStudents() == 1 ? "" : d.perStudents() + " × ") + plain(d.raw()) + " / "
                    + d.students();
            FieldName field = Texts.field(d.field());
            figures = new TraceStep.Figures(d.field(), Texts.fieldName(d.field()), d.raw(), d.split(), total,
                    d.students(), d.perStudents(), formula);
            String raw = d.split()
                    ? Texts.of("trace.figure.split", field.name(), field.amount(plain(total)),
                            field.amount(plain(d.raw())))
                    : field.figure(plain(d.raw()));
            computation = Texts.of("trace.indicator.computation", raw,
                    Texts.field("students").figure(String.valueOf(d.students())), formula, plain(indicator.value()));
        }
        Verdict verdict = indicator.met() ? Verdict.PASSED : Verdict.FAILED;
        String outcome = indicator.shortfall() == null ? TraceTexts.verdict(verdict)
                : Texts.of("trace.shortfall", TraceTexts.verdict(verdict),
                        plain(indicator.shortfall()) + " " + indicator.unit());
        String explanation = Texts.of("trace.indicator", section.schoolName(), TraceTexts.stage(section.stage()),
                indicator.name(), computation, indicator.comparator() + plain(indicator.threshold()),
                TraceTexts.where(indicator.rule()), outcome);
        return new IndicatorStep(section.schoolId(), section.schoolName(), section.stage(), indicator.code(),
                indicator.name(), figures, indicator.value(), indicator.comparator(), indicator.threshold(),
                indicator.unit(), verdict, indicator.attainment(), indicator.shortfall(), indicator.rule(),
                explanation);
    }

    private static TraceStep schoolRule(SectionResult section) {
        Verdict verdict = section.passed() ? Verdict.PASSED : Verdict.FAILED;
        String explanation = Texts.of("trace.school-rule", section.schoolName(), TraceTexts.stage(section.stage()),
                section.checked(), section.metCount(),
                Texts.of(section.withinTolerance() ? "trace.school-rule.within" : "trace.school-rule.not-within"),
                TraceTexts.where(section.rule()), TraceTexts.verdict(verdict));
        return new SchoolRuleStep(section.schoolId(), section.schoolName(), section.stage(), verdict,
                section.metCount(), section.checked(), section.withinTolerance(), section.rule(), explanation);
    }

    private static TraceStep variation(CountyBody.VariationResult v) {
        Verdict verdict = !v.applicable() ? Verdict.NOT_APPLICABLE
                : Boolean.TRUE.equals(v.passed()) ? Verdict.PASSED : Verdict.FAILED;
        String explanation = Texts.of("trace.variation", TraceTexts.stage(v.stage()),
                v.name() != null ? v.name() : v.indicator(),
                v.applicable() ? Texts.of("trace.variation.value", plain(v.cv()), v.sections())
                        : Texts.of("trace.variation.not-applicable"),
                v.comparator() + plain(v.limit()), TraceTexts.where(v.rule()), TraceTexts.verdict(verdict));
        return new VariationStep(v.stage(), v.indicator(), v.name(), v.cv(), v.comparator(), v.limit(), verdict,
                v.sections(), v.rule(), explanation);
    }

    private static Map<String, JsonNode> schools(JsonNode request) {
        Map<String, JsonNode> schools = new HashMap<>();
        JsonNode list = request == null ? null : request.path("subject").path("schools");
        if (list != null && list.isArray()) {
            list.forEach(s -> schools.putIfAbsent(s.path("id").asText(), s));
        }
        return schools;
    }

    private static String plain(BigDecimal value) {
        return TraceTexts.plain(value);
    }

    /** One indicator of one school section against its threshold row. */
    @JsonPropertyOrder({"kind"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record IndicatorStep(String schoolId, String schoolName, Stage stage, String indicator, String name,
                         Figures figures, BigDecimal value, String comparator, BigDecimal threshold, String unit,
                         Verdict verdict, BigDecimal attainment, BigDecimal shortfall, RuleOrigin rule,
                         String explanation) implements TraceStep.Measured {
        @Override
        public Kind kind() {
            return Kind.INDICATOR;
        }
    }

    /** The school rule of a section (minimum indicators met, unmet ones within tolerance). */
    @JsonPropertyOrder({"kind"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record SchoolRuleStep(String schoolId, String schoolName, Stage stage, Verdict verdict, int metCount, int checked,
                          boolean withinTolerance, RuleOrigin rule, String explanation) implements TraceStep {
        @Override
        public Kind kind() {
            return Kind.SCHOOL_RULE;
        }
    }

    /** The student-weighted coefficient of variation of one indicator over one stage. */
    @JsonPropertyOrder({"kind"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record VariationStep(Stage stage, String indicator, String name, BigDecimal value, String comparator,
                         BigDecimal threshold, Verdict verdict, int sections, RuleOrigin rule, String explanation)
            implements TraceStep.Measured {
        @Override
        public Kind kind() {
            return Kind.VARIATION;
        }
    }

    /** A school left out of the assessment by a scope row. */
    @JsonPropertyOrder({"kind"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ExclusionStep(String schoolId, String schoolName, Verdict verdict, String reason, RuleOrigin rule,
                         String explanation) implements TraceStep {
        @Override
        public Kind kind() {
            return Kind.EXCLUSION;
        }
    }
}
