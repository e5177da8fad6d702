package cn.supervision.compliance.audit;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;

import cn.supervision.compliance.evaluation.EvaluationResult;
import cn.supervision.compliance.evaluation.Evaluations;
import cn.supervision.compliance.evaluation.EvaluationResult.Verdict;
import cn.supervision.compliance.evaluation.StoredEvaluation;
import cn.supervision.compliance.facts.Stage;
import cn.supervision.compliance.ruleset.RuleOrigin;
import cn.supervision.compliance.text.FieldName;
import cn.supervision.compliance.text.Texts;

/**
 * Builds the trace of a stored evaluation from what was stored: the submitted figures and the result. Verdicts,
 * values and shortfalls are read, never recomputed, so the trace shows exactly what the evaluation decided. Each
 * step's sentence comes from the catalogue ({@code trace.*}) in the language of the answer and names request fields
 * by their Chinese names and units; the field paths, raw figures and rule rows stay beside it for programs.
 */
@Component
public class Traces {

    private final Evaluations evaluations;

    public Traces(Evaluations evaluations) {
        this.evaluations = evaluations;
    }

    public Optional<Trace> trace(String id) {
        return evaluations.find(id).map(this::of);
    }

    /** The trace of a stored evaluation: its request evaluated again on the rule base it was answered with. */
    public Trace of(StoredEvaluation stored) {
        return of(stored, evaluations.replay(stored));
    }

    /** The trace of a result and the request it answered; the steps are the body's, in its order. */
    public static Trace of(StoredEvaluation stored, EvaluationResult result) {
        if (!(result.body() instanceof EvaluationResult.CountyBody county)) {
            return new Trace(result.id(), result.ruleSet(), result.ruleSetVersion(), result.jurisdiction(),
                    result.subject(), result.passed(), result.evaluatedAt(), stored.submittedBy(),
                    result.checks().stream().map(Traces::check).toList());
        }
        Map<String, JsonNode> schools = schools(stored.request());
        List<TraceStep> steps = new ArrayList<>();
        for (EvaluationResult.SectionResult section : county.sections()) {
            JsonNode school = schools.get(section.schoolId());
            for (EvaluationResult.IndicatorResult indicator : section.indicators()) {
                steps.add(indicator(section, indicator, school));
            }
            steps.add(schoolRule(section));
        }
        for (EvaluationResult.ExcludedSchool excluded : county.excluded()) {
            JsonNode school = schools.get(excluded.schoolId());
            String name = school != null && school.hasNonNull("name") ? school.get("name").asText() : null;
            steps.add(new TraceStep.ExclusionStep(excluded.schoolId(), name, Verdict.NOT_ASSESSED, excluded.reason(),
                    excluded.rule(), Texts.of("trace.exclusion", name != null ? name : excluded.schoolId(),
                            Texts.orElse("result.excluded.reason." + excluded.reason(),
                                    "result.excluded.reason.other"), where(excluded.rule()))));
        }
        for (EvaluationResult.VariationResult variation : county.variation()) {
            steps.add(variation(variation));
        }
        for (EvaluationResult.CheckResult check : county.checks()) {
            steps.add(check(check));
        }
        if (county.assessment() != null) {
            for (EvaluationResult.CheckResult detail : county.assessment().details()) {
                steps.add(check(detail));
            }
        }
        return new Trace(result.id(), result.ruleSet(), result.ruleSetVersion(), result.jurisdiction(),
                result.subject(), result.passed(), result.evaluatedAt(), stored.submittedBy(), steps);
    }

    /** An indicator of a check list, or one figure behind it (a detail names its subject and raw figures). */
    private static TraceStep check(EvaluationResult.CheckResult check) {
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

    private static TraceStep indicator(EvaluationResult.SectionResult section,
                                       EvaluationResult.IndicatorResult indicator, JsonNode school) {
        EvaluationResult.Derivation d = indicator.derivation();
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
        String outcome = indicator.shortfall() == null ? verdict(verdict)
                : Texts.of("trace.shortfall", verdict(verdict), plain(indicator.shortfall()) + " " + indicator.unit());
        String explanation = Texts.of("trace.indicator", section.schoolName(), stage(section.stage()),
                indicator.name(), computation, indicator.comparator() + plain(indicator.threshold()),
                where(indicator.rule()), outcome);
        return new TraceStep.IndicatorStep(section.schoolId(), section.schoolName(), section.stage(), indicator.code(),
                indicator.name(), figures, indicator.value(), indicator.comparator(), indicator.threshold(),
                indicator.unit(), verdict, indicator.attainment(), indicator.shortfall(), indicator.rule(), explanation);
    }

    private static TraceStep schoolRule(EvaluationResult.SectionResult section) {
        Verdict verdict = section.passed() ? Verdict.PASSED : Verdict.FAILED;
        String explanation = Texts.of("trace.school-rule", section.schoolName(), stage(section.stage()),
                section.checked(), section.metCount(),
                Texts.of(section.withinTolerance() ? "trace.school-rule.within" : "trace.school-rule.not-within"),
                where(section.rule()), verdict(verdict));
        return new TraceStep.SchoolRuleStep(section.schoolId(), section.schoolName(), section.stage(), verdict,
                section.metCount(), section.checked(), section.withinTolerance(), section.rule(), explanation);
    }

    private static TraceStep variation(EvaluationResult.VariationResult v) {
        Verdict verdict = !v.applicable() ? Verdict.NOT_APPLICABLE
                : Boolean.TRUE.equals(v.passed()) ? Verdict.PASSED : Verdict.FAILED;
        String explanation = Texts.of("trace.variation", stage(v.stage()), v.name() != null ? v.name() : v.indicator(),
                v.applicable() ? Texts.of("trace.variation.value", plain(v.cv()), v.sections())
                        : Texts.of("trace.variation.not-applicable"),
                v.comparator() + plain(v.limit()), where(v.rule()), verdict(verdict));
        return new TraceStep.VariationStep(v.stage(), v.indicator(), v.name(), v.cv(), v.comparator(), v.limit(), verdict,
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

    private static String where(RuleOrigin rule) {
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

    private static String stage(Stage stage) {
        return Texts.of("stage." + stage);
    }

    private static String plain(BigDecimal value) {
        return value == null ? "—" : value.stripTrailingZeros().toPlainString();
    }
}
