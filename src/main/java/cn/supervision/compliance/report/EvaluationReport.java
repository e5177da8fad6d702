package cn.supervision.compliance.report;

import java.io.IOException;
import java.io.OutputStream;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.stereotype.Component;

import cn.supervision.compliance.audit.Trace;
import cn.supervision.compliance.audit.Traces;
import cn.supervision.compliance.evaluation.EvaluationResult;
import cn.supervision.compliance.evaluation.EvaluationResult.Verdict;
import cn.supervision.compliance.evaluation.StoredEvaluation;
import cn.supervision.compliance.evaluation.TraceStep;
import cn.supervision.compliance.ruleset.RuleOrigin;
import cn.supervision.compliance.text.Texts;

/**
 * A stored evaluation as an Excel report for auditors and district offices: 汇总 (decision and reasons), 全部检查 (every
 * check with its chain), one sheet per failing school with its shortfalls, and 整改清单 (remediation grouped by
 * 责任部门 and 责任股室). Every sheet prints on A4 landscape, one page wide ({@link PrintLayout}); 汇总 on one page.
 * Streamed (SXSSF): only a window of rows is held in memory, however large the county. Every heading and label is a
 * {@code report.*} text of the catalogue, in the language of the request; request fields appear by their Chinese
 * names and units.
 */
@Component
public class EvaluationReport {

    private static final int ROWS_IN_MEMORY = 200;
    /** 汇总 prints on one page: at most this many reasons are listed there. */
    private static final int MOST_REASONS = 40;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final Map<String, ReportSheets> sheets;

    EvaluationReport(List<ReportSheets> sheets) {
        this.sheets = sheets.stream().collect(Collectors.toMap(ReportSheets::ruleSet, Function.identity()));
    }

    public void write(StoredEvaluation stored, EvaluationResult result, Trace trace, OutputStream out)
            throws IOException {
        EvaluationResult.Subject subject = result.subject();
        PrintLayout layout = PrintLayout.of(Texts.of("report.title"), subject.name(), subject.code(), subject.year(),
                result.ruleSet(), result.ruleSetVersion());
        SXSSFWorkbook workbook = new SXSSFWorkbook(ROWS_IN_MEMORY);
        try {
            Styles styles = new Styles(SheetWriter.headerStyle(workbook), SheetWriter.wrapStyle(workbook));
            String summaryName = Texts.of("report.sheet.summary");
            String checksName = Texts.of("report.sheet.checks");
            String remediationName = Texts.of("report.sheet.remediation");
            SheetWriter summary = new SheetWriter(workbook.createSheet(summaryName));
            summary(summary, stored, result, trace, styles, checksName);
            layout.apply(summary.sheet(), 1, true);
            SheetWriter checks = new SheetWriter(workbook.createSheet(checksName));
            allChecks(checks, trace, styles);
            layout.apply(checks.sheet(), 1, false);
            ReportBook book = new ReportBook(workbook, layout, styles.header(), styles.wrap(),
                    new HashSet<>(Set.of(summaryName, checksName, remediationName)));
            ReportSheets own = sheets.get(result.ruleSet());
            if (own != null) {
                own.write(book, result, trace);
            }
            SheetWriter remediation = new SheetWriter(workbook.createSheet(remediationName));
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
    private static void summary(SheetWriter sheet, StoredEvaluation stored, EvaluationResult result, Trace trace,
                                Styles styles,
                                String checksName) {
        EvaluationResult.Summary s = result.summary();
        sheet.widths(24, 100).wrapped(styles.wrap(), 1);
        sheet.row(styles.header(), texts("report.summary.item", "report.summary.content"));
        sheet.row(Texts.of("report.summary.id"), result.id());
        sheet.row(Texts.of("report.summary.rule-set"), result.ruleSet());
        sheet.row(Texts.of("report.summary.version"), result.ruleSetVersion());
        sheet.row(Texts.of("report.summary.jurisdiction"), result.jurisdiction());
        sheet.row(Texts.of("report.summary.subject-code"), result.subject().code());
        sheet.row(Texts.of("report.summary.subject-name"), result.subject().name());
        sheet.row(Texts.of("report.summary.year"), result.subject().year());
        sheet.row(Texts.of("report.summary.evaluated-at"), TIME.format(result.evaluatedAt()));
        sheet.row(Texts.of("report.summary.submitted-by"), stored.submittedBy());
        sheet.row(Texts.of("report.summary.verdict"),
                Traces.verdict(result.passed() ? Verdict.PASSED : Verdict.FAILED));
        EvaluationResult.DecisionResult decision = result.body().decision();
        if (decision != null) {
            sheet.row(Texts.of("report.summary.decision"), decision.label());
            sheet.row(Texts.of("report.summary.grade"),
                    result.body().grade() != null ? result.body().grade() : Texts.of("report.summary.no-grade"));
        }
        if (s != null) {
            if (s.headline() != null) {
                sheet.row(Texts.of("report.summary.headline"), s.headline());
            }
            sheet.row(Texts.of("report.summary.sections-assessed"), s.sectionsAssessed());
            sheet.row(Texts.of("report.summary.sections-passed"), s.sectionsPassed());
            sheet.row(Texts.of("report.summary.schools-excluded"), s.schoolsExcluded());
            sheet.row(Texts.of("report.summary.variations-failed"), s.variationsFailed());
            sheet.row(Texts.of("report.summary.hints"), s.hints());
        }
        sheet.skip();
        sheet.row(styles.header(), texts("report.summary.number", "report.summary.reason"));
        List<String> reasons = new ArrayList<>();
        if (result.body().decision() != null) {
            reasons.addAll(result.body().decision().reasons());
        }
        int shown = reasons.size() > MOST_REASONS ? MOST_REASONS - 1 : reasons.size();
        for (int n = 0; n < shown; n++) {
            sheet.row(n + 1, reasons.get(n));
        }
        if (shown < reasons.size()) {
            sheet.row("…", Texts.of("report.summary.more", reasons.size() - shown, checksName));
        }
        if (reasons.isEmpty()) {
            sheet.row("—", Texts.of("report.summary.all-passed"));
        }
    }

    private static void allChecks(SheetWriter sheet, Trace trace, Styles styles) {
        sheet.widths(12, 8, 16, 6, 8, 20, 18, 12, 6, 12, 8, 20, 10, 6, 10, 8, 8, 8, 10, 18, 14, 5, 48)
                .wrapped(styles.wrap(), 2, 5, 6, 11, 19, 20, 22);
        sheet.row(styles.header(), texts("report.column.kind", "report.column.school-id", "report.column.school-name",
                "report.column.stage", "report.column.indicator", "report.column.indicator-name", "report.column.field",
                "report.column.raw", "report.column.split", "report.column.school-total", "report.column.students",
                "report.column.formula", "report.column.value", "report.column.comparator", "report.column.threshold",
                "report.column.unit", "report.column.verdict", "report.column.attainment", "report.column.shortfall",
                "report.column.workbook", "report.column.sheet", "report.column.row", "report.column.explanation"));
        for (TraceStep step : trace.checks()) {
            TraceStep.Measured measured = step instanceof TraceStep.Measured m ? m : null;
            TraceStep.Figures f = measured != null ? measured.figures() : null;
            String unit = measured != null ? measured.unit() : null;
            RuleOrigin rule = step.rule();
            sheet.row(Texts.of("report.kind." + step.kind()), step.schoolId(), step.schoolName(), stage(step),
                    step.indicator(), measured != null ? measured.name() : null,
                    f != null ? f.fieldName() : null, f != null ? f.raw() : null,
                    f != null ? Texts.of(f.split() ? "report.yes" : "report.no") : null,
                    f != null ? f.schoolTotal() : null, f != null ? f.students() : null, f != null ? f.formula() : null,
                    measured != null ? measured.value() : null, measured != null ? measured.comparator() : null,
                    measured != null ? measured.threshold() : null, unit, Traces.verdict(step.verdict()),
                    measured != null ? measured.attainment() : null, measured != null ? measured.shortfall() : null,
                    rule != null ? rule.workbook() : null, rule != null ? rule.sheet() : null,
                    rule != null ? rule.row() : null, step.explanation());
        }
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
        String unassigned = Texts.of("report.unassigned");
        for (EvaluationResult.Hint hint : result.hints()) {
            List<String> departments = hint.departments() == null || hint.departments().isEmpty()
                    ? List.of(unassigned) : hint.departments();
            String office = hint.office() == null || hint.office().isBlank() ? unassigned : hint.office();
            for (String department : departments) {
                groups.computeIfAbsent(department, d -> new LinkedHashMap<>())
                        .computeIfAbsent(office, o -> new ArrayList<>()).add(hint);
            }
        }
        sheet.widths(16, 12, 8, 24, 20, 6, 10, 8, 60, 30).wrapped(styles.wrap(), 0, 1, 3, 4, 8, 9);
        sheet.row(styles.header(), texts("report.column.departments", "report.column.office",
                "report.column.indicator", "report.column.indicator-name", "report.column.subject",
                "report.column.stage", "report.column.shortfall", "report.column.unit", "report.column.measures",
                "report.column.source"));
        groups.forEach((department, offices) -> offices.forEach((office, hints) -> {
            for (EvaluationResult.Hint hint : hints) {
                String subject = schoolNames.containsKey(hint.subject())
                        ? Texts.of("report.subject", schoolNames.get(hint.subject()), hint.subject()) : hint.subject();
                sheet.row(department, office, hint.indicator(), names.get(hint.indicator()), subject,
                        hint.stage() != null ? Texts.of("stage." + hint.stage()) : null, hint.shortfall(), hint.unit(),
                        hint.measures(), hint.source());
            }
        }));
    }

    private static String stage(TraceStep step) {
        return step.stage() != null ? Texts.of("stage." + step.stage()) : null;
    }

    /** The catalogue's texts of a heading row. */
    private static Object[] texts(String... codes) {
        return Arrays.stream(codes).map(Texts::of).toArray();
    }
}
