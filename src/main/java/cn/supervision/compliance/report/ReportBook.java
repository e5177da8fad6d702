package cn.supervision.compliance.report;

import java.util.Set;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The report being written, as a rule set's {@link ReportSheets} sees it: new sheets under unique names, the report's
 * styles, and the print layout every sheet gets (A4 landscape, one page wide, its headings repeated).
 */
public final class ReportBook {

    private final SXSSFWorkbook workbook;
    private final PrintLayout layout;
    private final CellStyle header;
    private final CellStyle wrap;
    private final Set<String> names;

    ReportBook(SXSSFWorkbook workbook, PrintLayout layout, CellStyle header, CellStyle wrap, Set<String> names) {
        this.workbook = workbook;
        this.layout = layout;
        this.header = header;
        this.wrap = wrap;
        this.names = names;
    }

    /** A new sheet named {@code wanted}, made safe and unique (Excel: 31 characters, none of []:*?/\, any case). */
    public SheetWriter sheet(String wanted) {
        String name = WorkbookUtil.createSafeSheetName(wanted, '_');
        String candidate = name;
        for (int i = 2; names.stream().anyMatch(candidate::equalsIgnoreCase); i++) {
            String suffix = "(" + i + ")";
            candidate = name.substring(0, Math.min(name.length(), 31 - suffix.length())) + suffix;
        }
        names.add(candidate);
        return new SheetWriter(workbook.createSheet(candidate));
    }

    /** Lays a finished sheet out for print, its first {@code headingRows} repeated on every page. */
    public void print(SheetWriter sheet, int headingRows) {
        layout.apply(sheet.sheet(), headingRows, false);
    }

    public CellStyle header() {
        return header;
    }

    public CellStyle wrap() {
        return wrap;
    }
}
