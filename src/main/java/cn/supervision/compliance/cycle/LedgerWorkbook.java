package cn.supervision.compliance.cycle;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;

import cn.supervision.compliance.report.SheetWriter;
import cn.supervision.compliance.text.Texts;

/**
 * The rectification ledger (整改台账) as a workbook: one row per item with its shortfall, measures, departments,
 * deadline, status and the evaluations that opened and closed it; prints on A4 landscape with its heading repeated.
 */
@Component
class LedgerWorkbook {

    /** Catalogue keys of the columns, in order (ledger.column.*). */
    private static final List<String> COLUMNS = List.of("number", "code", "name", "year", "indicator", "subject",
            "stage", "shortfall", "unit", "measures", "departments", "office", "deadline", "status", "overdue",
            "opened-by", "closed-by");
    private static final int[] WIDTHS = {6, 10, 14, 7, 8, 12, 7, 10, 6, 48, 20, 10, 12, 9, 7, 38, 38};

    byte[] write(List<Rectification> items) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(Texts.of("ledger.sheet"));
            SheetWriter writer = new SheetWriter(sheet).widths(WIDTHS);
            writer.row(SheetWriter.headerStyle(workbook),
                    COLUMNS.stream().map(c -> (Object) Texts.of("ledger.column." + c)).toArray());
            CellStyle wrap = workbook.createCellStyle();
            wrap.setWrapText(true);
            wrap.setVerticalAlignment(VerticalAlignment.TOP);
            int number = 0;
            for (Rectification item : items) {
                writer.row(wrap, ++number, item.county().code(), item.county().name(), item.county().year(),
                        item.indicator(), item.subject(), stage(item.stage()), item.shortfall(), item.unit(),
                        item.measures(), String.join("、", item.departments()), item.office(),
                        item.deadline() == null ? Texts.of("ledger.no-deadline") : item.deadline().toString(),
                        Texts.of("cycle.status." + item.status()), item.overdue() ? Texts.of("ledger.overdue") : "",
                        item.openedBy(), item.closedBy());
            }
            PrintSetup print = sheet.getPrintSetup();
            print.setPaperSize(PrintSetup.A4_PAPERSIZE);
            print.setLandscape(true);
            sheet.setFitToPage(true);
            print.setFitWidth((short) 1);
            print.setFitHeight((short) 0);
            sheet.setRepeatingRows(new CellRangeAddress(0, 0, -1, -1));
            sheet.createFreezePane(0, 1);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String stage(String stage) {
        return stage == null ? "" : Texts.orElse("stage." + stage, "ledger.no-stage");
    }
}
