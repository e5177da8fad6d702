package cn.supervision.compliance.batch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import cn.supervision.compliance.facts.InputProblem;
import cn.supervision.compliance.report.SheetWriter;
import cn.supervision.compliance.text.Texts;

/** The batch summary as an Excel workbook for the supervision office: overview, failing indicators, grades, invalid counties. */
public final class BatchSummaryWorkbook {

    private BatchSummaryWorkbook() {
    }

    /** Its headings and labels, from the catalogue ({@code report.batch.*}). */
    private static String text(String key) {
        return Texts.of("report.batch." + key);
    }

    public static byte[] write(BatchSummary summary) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle header = SheetWriter.headerStyle(workbook);
            SheetWriter overview = new SheetWriter(workbook.createSheet(text("sheet.overview"))).widths(24, 70);
            overview.row(header, text("item"), text("value"));
            overview.row(text("id"), summary.batchId());
            overview.row(text("rule-set"), summary.ruleSet());
            overview.row(text("jurisdiction"), summary.jurisdiction() != null ? summary.jurisdiction()
                    : text("jurisdiction.own"));
            overview.row(text("version"), summary.ruleSetVersion());
            overview.row(text("total"), summary.total());
            overview.row(text("evaluated"), summary.evaluated());
            overview.row(text("passed"), summary.passed());
            overview.row(text("failed"), summary.failed());
            overview.row(text("invalid"), summary.invalid().size());
            for (Map.Entry<String, Integer> decision : summary.decisions().entrySet()) {
                overview.row(Texts.of("report.batch.decision", Texts.orElse("report.batch.outcome." + decision.getKey(),
                        "report.batch.outcome.other")), decision.getValue());
            }

            SheetWriter indicators = new SheetWriter(workbook.createSheet(text("sheet.indicators"))).widths(14, 18, 18);
            indicators.row(header, text("indicator"), text("counties"), text("failures"));
            summary.failingIndicators().forEach(i -> indicators.row(i.indicator(), i.counties(), i.failures()));

            SheetWriter grades = new SheetWriter(workbook.createSheet(text("sheet.grades"))).widths(14, 18);
            grades.row(header, text("grade"), text("grade-counties"));
            summary.grades().forEach(grades::row);

            SheetWriter invalid = new SheetWriter(workbook.createSheet(text("sheet.invalid"))).widths(30, 40, 70);
            invalid.row(header, text("source"), text("field"), text("problem"));
            for (BatchSummary.InvalidCounty county : summary.invalid()) {
                for (InputProblem problem : county.problems()) {
                    invalid.row(county.source(), problem.field(), problem.message());
                }
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
