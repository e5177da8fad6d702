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
import cn.supervision.compliance.evaluation.EvaluationResult.Verdict;
import cn.supervision.compliance.ruleset.RuleOrigin;
import cn.supervision.compliance.evaluation.StoredEvaluation;

/**
 * Builds the trace of a stored evaluation from what was stored: the submitted figures and the result. Verdicts,
 * values and shortfalls are read, never recomputed, so the trace shows exactly what the evaluation decided.
 */
@Component
public class Traces {

    private final EvaluationStore store;

    public Traces(EvaluationStore store) {
        this.store = store;
    }

    public Optional<Trace> trace(String id) {
        return store.findStored(id).map(Traces::of);
    }

    public static Trace of(StoredEvaluation stored) {
        EvaluationResult result = stored.result();
        Map<String, JsonNode> schools = schools(stored.request());
        List<TraceStep> steps = new ArrayList<>();
        for (EvaluationResult.SectionResult section : result.sections()) {
            JsonNode school = schools.get(section.schoolId());
            for (EvaluationResult.IndicatorResult indicator : section.indicators()) {
                steps.add(indicator(section, indicator, school));
            }
            steps.add(schoolRule(section));
        }
        for (EvaluationResult.ExcludedSchool excluded : result.excluded()) {
            JsonNode school = schools.get(excluded.schoolId());
            String name = school != null && school.hasNonNull("name") ? school.get("name").asText() : null;
            steps.add(new TraceStep.ExclusionStep(excluded.schoolId(), name, Verdict.NOT_ASSESSED, excluded.reason(),
                    excluded.rule(), (name != null ? name : excluded.schoolId()) + " 不参加评估（" + excluded.reason()
                            + "）；依据" + where(excluded.rule())));
        }
        for (EvaluationResult.VariationResult variation : result.variation()) {
            steps.add(variation(variation));
        }
        for (EvaluationResult.CheckResult check : result.checks()) {
            steps.add(check(check));
        }
        if (result.assessment() != null) {
            for (EvaluationResult.CheckResult detail : result.assessment().details()) {
                steps.add(check(detail));
            }
        }
        return new Trace(result.id(), result.ruleSet(), result.ruleSetVersion(), result.jurisdiction(),
                result.subject(), result.passed(), result.evaluatedAt(), stored.submittedBy(), steps);
    }

    /** An indicator of a check list, or one figure behind it (a detail names its subject and raw figures). */
    private static TraceStep check(EvaluationResult.CheckResult check) {
        StringBuilder text = new StringBuilder(check.code()).append(' ').append(check.name());
        if (check.subject() != null) {
            text.append("（").append(check.subject()).append("）");
        }
        if (check.score() != null) {
            text.append("：得分 ").append(plain(check.score())).append('/').append(plain(check.maxScore()))
                    .append("，最低 ").append(plain(check.threshold()));
        } else if (check.value() != null || check.requirement() != null) {
            text.append("：").append(plain(check.value())).append("，要求 ").append(check.requirement() != null
                    ? check.requirement() : check.comparator() + plain(check.threshold()));
        }
        if (!check.failing().isEmpty()) {
            text.append("；未达标：").append(String.join("；", check.failing()));
        }
        if (check.subject() != null && check.note() != null) {
            text.append("；数据：").append(check.note());
        }
        text.append("；依据").append(where(check.rule())).append("；").append(check.verdict().label());
        return new TraceStep.CheckStep(check.subject(), check.code(), check.name(), check.value(), check.comparator(),
                check.threshold(), check.unit(), check.verdict(), check.note(), check.rule(), text.toString());
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
            figures = new TraceStep.Figures(d.field(), d.raw(), d.split(), total, d.students(), d.perStudents(),
                    formula);
            computation = (d.split() ? d.field() + " 全校 " + plain(total) + " 按学段分摊得 " + plain(d.raw()) + "；"
                    : d.field() + " = " + plain(d.raw()) + "；") + formula + " = " + plain(indicator.value());
        }
        Verdict verdict = indicator.met() ? Verdict.PASSED : Verdict.FAILED;
        String explanation = section.schoolName() + " " + section.stage().label() + " " + indicator.name() + "："
                + computation + "，要求 " + indicator.comparator() + plain(indicator.threshold()) + "；依据"
                + where(indicator.rule()) + "；" + verdict.label()
                + (indicator.shortfall() != null ? "，缺口 " + plain(indicator.shortfall()) + " " + indicator.unit()
                : "");
        return new TraceStep.IndicatorStep(section.schoolId(), section.schoolName(), section.stage(), indicator.code(),
                indicator.name(), figures, indicator.value(), indicator.comparator(), indicator.threshold(),
                indicator.unit(), verdict, indicator.attainment(), indicator.shortfall(), indicator.rule(), explanation);
    }

    private static TraceStep schoolRule(EvaluationResult.SectionResult section) {
        Verdict verdict = section.passed() ? Verdict.PASSED : Verdict.FAILED;
        String explanation = section.schoolName() + " " + section.stage().label() + "：" + section.checked() + " 项指标中 "
                + section.metCount() + " 项达标，未达标项" + (section.withinTolerance() ? "均在" : "不全在")
                + "允许范围内；依据" + where(section.rule()) + "；学段" + verdict.label();
        return new TraceStep.SchoolRuleStep(section.schoolId(), section.schoolName(), section.stage(), verdict,
                section.metCount(), section.checked(), section.withinTolerance(), section.rule(), explanation);
    }

    private static TraceStep variation(EvaluationResult.VariationResult v) {
        Verdict verdict = !v.applicable() ? Verdict.NOT_APPLICABLE
                : Boolean.TRUE.equals(v.passed()) ? Verdict.PASSED : Verdict.FAILED;
        String explanation = v.stage().label() + " " + (v.name() != null ? v.name() : v.indicator()) + " 校际差异系数："
                + (v.applicable() ? plain(v.cv()) + "（" + v.sections() + " 个学段参与）" : "参与学段不足，不计算")
                + "，要求 " + v.comparator() + plain(v.limit()) + "；依据" + where(v.rule()) + "；" + verdict.label();
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
            return "（无）";
        }
        return " " + rule.workbook() + (rule.sheet() != null ? " 工作表「" + rule.sheet() + "」第 " + rule.row() + " 行" : "");
    }

    private static String plain(BigDecimal value) {
        return value == null ? "—" : value.stripTrailingZeros().toPlainString();
    }
}
