package cn.supervision.compliance.balanced;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import cn.supervision.compliance.audit.Trace;
import cn.supervision.compliance.evaluation.EvaluationResult;
import cn.supervision.compliance.evaluation.EvaluationResult.Verdict;
import cn.supervision.compliance.evaluation.TraceStep;
import cn.supervision.compliance.evaluation.TraceTexts;
import cn.supervision.compliance.report.ReportBook;
import cn.supervision.compliance.report.ReportSheets;
import cn.supervision.compliance.report.SheetWriter;
import cn.supervision.compliance.text.Texts;

/**
 * The county's sheets of the Excel report: one sheet per failing school (未达标-<学校名称>), its sections' verdicts, then
 * its failed indicators and checks with their remedies.
 */
@Component
class CountyReportSheets implements ReportSheets {

    @Override
    public String ruleSet() {
        return CountyTemplate.RULE_SET;
    }

    @Override
    public void write(ReportBook book, EvaluationResult result, Trace trace) {
        for (Map.Entry<String, List<TraceStep>> school : failingSchools(trace).entrySet()) {
            String schoolName = school.getValue().get(0).schoolName();
            SheetWriter sheet = book.sheet(Texts.of("report.sheet.school",
                    schoolName != null ? schoolName : school.getKey()));
            book.print(sheet, failingSchool(sheet, school.getValue(), result, book));
        }
    }

    /** The school's verdicts, then its failed indicators and checks; returns the rows to repeat on every page. */
    private static int failingSchool(SheetWriter sheet, List<TraceStep> steps, EvaluationResult result,
                                     ReportBook book) {
        TraceStep first = steps.get(0);
        sheet.widths(8, 8, 24, 12, 12, 8, 12, 8, 60, 24, 12).wrapped(book.wrap(), 1, 2, 8, 9, 10);
        sheet.row(book.header(), Texts.of("report.column.school"),
                Texts.of("report.subject", first.schoolName(), first.schoolId()));
        for (TraceStep step : steps) {
            if (step.kind() == TraceStep.Kind.SCHOOL_RULE) {
                sheet.row(stage(step), step.explanation());
            }
        }
        sheet.skip();
        sheet.row(book.header(), Arrays.stream(new String[] {"report.column.stage", "report.column.indicator",
                "report.column.indicator-name", "report.column.value", "report.column.requirement",
                "report.column.verdict", "report.column.shortfall", "report.column.unit", "report.column.measures",
                "report.column.departments", "report.column.office"}).map(Texts::of).toArray());
        int headings = sheet.rows();
        for (TraceStep any : steps) {
            if (any.verdict() != Verdict.FAILED || !(any instanceof TraceStep.Measured step)) {
                continue;
            }
            EvaluationResult.Hint hint = result.hints().stream()
                    .filter(h -> step.indicator().equals(h.indicator()) && step.schoolId().equals(h.subject())
                            && step.stage() == h.stage())
                    .findFirst().orElse(null);
            sheet.row(stage(step), step.indicator(), step.name(), step.value(),
                    step.requirement(), TraceTexts.verdict(step.verdict()), step.shortfall(), step.unit(),
                    hint != null ? hint.measures() : null, hint != null ? String.join("、", hint.departments()) : null,
                    hint != null ? hint.office() : null);
        }
        return headings;
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

    private static String stage(TraceStep step) {
        return step.stage() != null ? TraceTexts.stage(step.stage()) : null;
    }
}
