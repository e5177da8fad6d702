package cn.supervision.compliance.report;

import java.io.IOException;
import java.io.OutputStream;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.stereotype.Component;

import cn.supervision.compliance.audit.Trace;
import cn.supervision.compliance.audit.TraceStep;
import cn.supervision.compliance.audit.Traces;
import cn.supervision.compliance.evaluation.EvaluationResult;
import cn.supervision.compliance.evaluation.EvaluationResult.Verdict;
import cn.supervision.compliance.ruleset.RuleOrigin;
import cn.supervision.compliance.evaluation.StoredEvaluation;

/**
 * A stored evaluation as an Excel report for auditors and district offices: 汇总 (decision and reasons), 全部检查 (every
 * check with its chain), one sheet per failing school with its shortfalls, and 整改清单 (remediation grouped by
 * 责任部门 and 责任股室). Every sheet prints on A4 landscape, one page wide ({@link PrintLayout}); 汇总 on one page.
 * Streamed (SXSSF): only a window of rows is held in memory, however large the county.
 */
@Component
public class EvaluationReport {

    static final String SUMMARY = "汇总";
    static final String ALL_CHECKS = "全部检查";
    static final String REMEDIATION = "整改清单";
    static final String SCHOOL_SHEET_PREFIX = "未达标-";
    private static final String UNASSIGNED = "（未指定）";
    private static final String TITLE = "义务教育优质均衡督导评估报告";
    private static final int ROWS_IN_MEMORY = 200;
    /** 汇总 prints on one page: at most this many reasons are listed there. */
    private static final int MOST_REASONS = 40;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    public void write(StoredEvaluation stored, Trace trace, OutputStream out) throws IOException {
        EvaluationResult result = stored.result();
        EvaluationResult.Subject subject = result.subject();
        PrintLayout layout = PrintLayout.of(TITLE, subject.name(), subject.code(), subject.year(),
                result.ruleSet(), result.ruleSetVersion());
        SXSSFWorkbook workbook = new SXSSFWorkbook(ROWS_IN_MEMORY);
        try {
            Styles styles = new Styles(SheetWriter.headerStyle(workbook), SheetWriter.wrapStyle(workbook));
            SheetWriter summary = new SheetWriter(workbook.createSheet(SUMMARY));
            summary(summary, stored, trace, styles);
            layout.apply(summary.sheet(), 1, true);
            SheetWriter checks = new SheetWriter(workbook.createSheet(ALL_CHECKS));
            allChecks(checks, trace, styles);
            layout.apply(checks.sheet(), 1, false);
            Set<String> sheetNames = new HashSet<>(Set.of(SUMMARY, ALL_CHECKS, REMEDIATION));
            for (Map.Entry<String, List<TraceStep>> school : failingSchools(trace).entrySet()) {
                String schoolName = school.getValue().get(0).schoolName();
                String name = uniqueSheetName(SCHOOL_SHEET_PREFIX + (schoolName != null ? schoolName : school.getKey()),
                        sheetNames);
                SheetWriter sheet = new SheetWriter(workbook.createSheet(name));
                int headings = failingSchool(sheet, school.getValue(), result, styles);
                layout.apply(sheet.sheet(), headings, false);
            }
            SheetWriter remediation = new SheetWriter(workbook.createSheet(REMEDIATION));
            remediation(remediation, result, trace, styles);
            layout.apply(remediation.sheet(), 1, false);
            workbook.write(out);
        } finally {
            workbook.close();
            workbook.dispose();
        }
    }

    /** The heading style and the wrapping body style, made once per workbook. */
    private record Styles(CellStyle header, CellStyle wrap) {
    }

    /** Labels beside their values, then the reasons: printed on one page (the full list is in 全部检查). */
    private static void summary(SheetWriter sheet, StoredEvaluation stored, Trace trace, Styles styles) {
        EvaluationResult result = stored.result();
        EvaluationResult.Summary s = result.summary();
        sheet.widths(24, 100).wrapped(styles.wrap(), 1);
        sheet.row(styles.header(), "项目", "内容");
        sheet.row("评估编号", result.id());
        sheet.row("规则集", result.ruleSet());
        sheet.row("规则集版本", result.ruleSetVersion());
        sheet.row("管辖范围", result.jurisdiction());
        sheet.row("评估对象代码", result.subject().code());
        sheet.row("评估对象名称", result.subject().name());
        sheet.row("年度", result.subject().year());
        sheet.row("评估时间", TIME.format(result.evaluatedAt()));
        sheet.row("提交人", stored.submittedBy());
        sheet.row("结论", result.passed() ? "达标" : "未达标");
        if (result.decision() != null) {
            sheet.row("认定结论", result.decision().label());
            sheet.row("B类指标等级", result.grade() != null ? result.grade() : "未评定");
        }
        if (s != null) {
            if (s.headline() != null) {
                sheet.row("结论摘要", s.headline());
            }
            sheet.row("评估学段数", s.sectionsAssessed());
            sheet.row("达标学段数", s.sectionsPassed());
            sheet.row("不参加评估的学校数", s.schoolsExcluded());
            sheet.row("未达标的差异系数", s.variationsFailed());
            sheet.row("整改提示条数", s.hints());
        }
        sheet.skip();
        sheet.row(styles.header(), "序号", "未达标原因");
        List<String> reasons = new ArrayList<>();
        if (result.decision() != null) {
            reasons.addAll(result.decision().reasons());
        }
        for (TraceStep step : trace.checks()) {
            boolean reason = step.verdict() == Verdict.FAILED && (step.kind() == TraceStep.Kind.SCHOOL_RULE
                    || step.kind() == TraceStep.Kind.VARIATION
                    || step.kind() == TraceStep.Kind.CHECK && result.decision() == null);
            if (reason) {
                reasons.add(step.explanation());
            }
        }
        int shown = reasons.size() > MOST_REASONS ? MOST_REASONS - 1 : reasons.size();
        for (int n = 0; n < shown; n++) {
            sheet.row(n + 1, reasons.get(n));
        }
        if (shown < reasons.size()) {
            sheet.row("…", "另有 " + (reasons.size() - shown) + " 条，见「" + ALL_CHECKS + "」和各校工作表");
        }
        if (reasons.isEmpty()) {
            sheet.row("—", "全部检查达标");
        }
    }

    private static void allChecks(SheetWriter sheet, Trace trace, Styles styles) {
        sheet.widths(12, 8, 16, 6, 8, 20, 18, 12, 6, 12, 8, 20, 10, 6, 10, 8, 8, 8, 10, 18, 14, 5, 48)
                .wrapped(styles.wrap(), 2, 5, 6, 11, 19, 20, 22);
        sheet.row(styles.header(), "类型", "学校代码", "学校名称", "学段", "指标代码", "指标名称", "数据字段", "原始数值", "是否分摊",
                "全校合计", "学生数", "计算式", "计算值", "比较", "标准值", "单位", "结论", "达成率", "缺口",
                "规则工作簿", "工作表", "行", "说明");
        for (TraceStep step : trace.checks()) {
            TraceStep.IndicatorStep indicator = step instanceof TraceStep.IndicatorStep i ? i : null;
            TraceStep.Measured measured = step instanceof TraceStep.Measured m ? m : null;
            TraceStep.Figures f = indicator != null ? indicator.figures() : null;
            String unit = indicator != null ? indicator.unit() : step instanceof TraceStep.CheckStep c ? c.unit() : null;
            RuleOrigin rule = step.rule();
            sheet.row(kind(step.kind()), step.schoolId(), step.schoolName(), step.stage() != null ? step.stage().label()
                            : null, step.indicator(), measured != null ? measured.name() : null,
                    f != null ? f.field() : null, f != null ? f.raw() : null, f != null ? (f.split() ? "是" : "否") : null,
                    f != null ? f.schoolTotal() : null, f != null ? f.students() : null, f != null ? f.formula() : null,
                    measured != null ? measured.value() : null, measured != null ? measured.comparator() : null,
                    measured != null ? measured.threshold() : null, unit, step.verdict().label(),
                    indicator != null ? indicator.attainment() : null, indicator != null ? indicator.shortfall() : null,
                    rule != null ? rule.workbook() : null, rule != null ? rule.sheet() : null,
                    rule != null ? rule.row() : null, step.explanation());
        }
    }

    /** The school's verdicts, then its failed indicators and checks; returns the rows to repeat on every page. */
    private static int failingSchool(SheetWriter sheet, List<TraceStep> steps, EvaluationResult result,
                                     Styles styles) {
        TraceStep first = steps.get(0);
        sheet.widths(8, 8, 24, 12, 12, 8, 12, 8, 60, 24, 12).wrapped(styles.wrap(), 1, 2, 8, 9, 10);
        sheet.row(styles.header(), "学校", first.schoolName() + "（" + first.schoolId() + "）");
        for (TraceStep step : steps) {
            if (step.kind() == TraceStep.Kind.SCHOOL_RULE) {
                sheet.row(step.stage().label(), step.explanation());
            }
        }
        sheet.skip();
        sheet.row(styles.header(), "学段", "指标代码", "指标名称", "计算值", "标准", "结论", "缺口", "单位", "推进措施",
                "责任部门", "责任股室");
        int headings = sheet.rows();
        for (TraceStep any : steps) {
            if (any.verdict() != Verdict.FAILED || !(any instanceof TraceStep.Measured step)) {
                continue;
            }
            TraceStep.IndicatorStep indicator = step instanceof TraceStep.IndicatorStep i ? i : null;
            EvaluationResult.Hint hint = result.hints().stream()
                    .filter(h -> step.indicator().equals(h.indicator()) && step.schoolId().equals(h.subject())
                            && step.stage() == h.stage())
                    .findFirst().orElse(null);
            sheet.row(step.stage() != null ? step.stage().label() : null, step.indicator(), step.name(), step.value(),
                    step.requirement(), step.verdict().label(), indicator != null ? indicator.shortfall() : null,
                    indicator != null ? indicator.unit() : ((TraceStep.CheckStep) step).unit(),
                    hint != null ? hint.measures() : null, hint != null ? String.join("、", hint.departments()) : null,
                    hint != null ? hint.office() : null);
        }
        return headings;
    }

    /** One row per hint and responsible department, grouped by department, then office, in the order they appear. */
    private static void remediation(SheetWriter sheet, EvaluationResult result, Trace trace, Styles styles) {
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, String> schoolNames = new LinkedHashMap<>();
        trace.checks().forEach(step -> {
            if (step instanceof TraceStep.Measured m && m.indicator() != null && m.name() != null) {
                names.putIfAbsent(m.indicator(), m.name());
            }
            if (step.schoolId() != null && step.schoolName() != null) {
                schoolNames.putIfAbsent(step.schoolId(), step.schoolName());
            }
        });
        Map<String, Map<String, List<EvaluationResult.Hint>>> groups = new LinkedHashMap<>();
        for (EvaluationResult.Hint hint : result.hints()) {
            List<String> departments = hint.departments() == null || hint.departments().isEmpty()
                    ? List.of(UNASSIGNED) : hint.departments();
            String office = hint.office() == null || hint.office().isBlank() ? UNASSIGNED : hint.office();
            for (String department : departments) {
                groups.computeIfAbsent(department, d -> new LinkedHashMap<>())
                        .computeIfAbsent(office, o -> new ArrayList<>()).add(hint);
            }
        }
        sheet.widths(16, 12, 8, 24, 20, 6, 10, 8, 60, 30).wrapped(styles.wrap(), 0, 1, 3, 4, 8, 9);
        sheet.row(styles.header(), "责任部门", "责任股室", "指标代码", "指标名称", "对象", "学段", "缺口", "单位", "推进措施",
                "依据");
        groups.forEach((department, offices) -> offices.forEach((office, hints) -> {
            for (EvaluationResult.Hint hint : hints) {
                String subject = schoolNames.containsKey(hint.subject())
                        ? schoolNames.get(hint.subject()) + "（" + hint.subject() + "）" : hint.subject();
                sheet.row(department, office, hint.indicator(), names.get(hint.indicator()), subject,
                        hint.stage() != null ? hint.stage().label() : null, hint.shortfall(), hint.unit(),
                        hint.measures(), hint.source());
            }
        }));
    }

    /**
     * The steps of every school that failed: a section failed its school rule, or a check of the school itself
     * failed (an indicator below its threshold in a section that passes within tolerance is no failure of the
     * school). By school id, in result order.
     */
    private static Map<String, List<TraceStep>> failingSchools(Trace trace) {
        Set<String> schools = new HashSet<>();
        trace.checks().stream().filter(s -> s.kind() == TraceStep.Kind.SCHOOL_RULE)
                .forEach(s -> schools.add(s.schoolId()));
        Set<String> failing = new HashSet<>();
        trace.checks().stream()
                .filter(s -> s.verdict() == Verdict.FAILED && schools.contains(s.schoolId())
                        && (s.kind() == TraceStep.Kind.SCHOOL_RULE || s.kind() == TraceStep.Kind.CHECK))
                .forEach(s -> failing.add(s.schoolId()));
        Map<String, List<TraceStep>> steps = new LinkedHashMap<>();
        trace.checks().stream()
                .filter(s -> failing.contains(s.schoolId()))
                .forEach(s -> steps.computeIfAbsent(s.schoolId(), id -> new ArrayList<>()).add(s));
        return steps;
    }

    /** Excel sheet names: at most 31 characters, none of []:*?/\ , unique ignoring case. */
    private static String uniqueSheetName(String wanted, Set<String> taken) {
        String name = WorkbookUtil.createSafeSheetName(wanted, '_');
        String candidate = name;
        for (int i = 2; taken.stream().anyMatch(candidate::equalsIgnoreCase); i++) {
            String suffix = "(" + i + ")";
            candidate = name.substring(0, Math.min(name.length(), 31 - suffix.length())) + suffix;
        }
        taken.add(candidate);
        return candidate;
    }

    private static String kind(TraceStep.Kind kind) {
        return switch (kind) {
            case INDICATOR -> "指标";
            case SCHOOL_RULE -> "学校达标规则";
            case VARIATION -> "差异系数";
            case EXCLUSION -> "不参加评估";
            case CHECK -> "检查";
        };
    }
}
