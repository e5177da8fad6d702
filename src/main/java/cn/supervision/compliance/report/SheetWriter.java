package cn.supervision.compliance.report;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;

/** Appends rows to a sheet: text always as inert text cells, numbers as numbers, nulls as empty cells. */
public final class SheetWriter {

    private final Sheet sheet;
    /** The style of a column's cells written without a style of their own. */
    private final Map<Integer, CellStyle> columnStyles = new HashMap<>();
    private int next;

    public SheetWriter(Sheet sheet) {
        this.sheet = sheet;
    }

    Sheet sheet() {
        return sheet;
    }

    public SheetWriter widths(int... characters) {
        for (int i = 0; i < characters.length; i++) {
            sheet.setColumnWidth(i, characters[i] * 256);
        }
        return this;
    }

    /** Cells of these columns, unless given a style, wrap their text (long sentences print on several lines). */
    SheetWriter wrapped(CellStyle wrap, int... columns) {
        for (int column : columns) {
            columnStyles.put(column, wrap);
        }
        return this;
    }

    public Row row(CellStyle style, Object... values) {
        Row row = sheet.createRow(next++);
        for (int i = 0; i < values.length; i++) {
            Cell cell = row.createCell(i);
            Object value = values[i];
            if (value instanceof BigDecimal number) {
                cell.setCellValue(number.doubleValue());
            } else if (value instanceof Number number) {
                cell.setCellValue(number.doubleValue());
            } else if (value != null) {
                cell.setCellValue(InertText.of(value.toString()));
            }
            CellStyle cellStyle = style != null ? style : columnStyles.get(i);
            if (cellStyle != null) {
                cell.setCellStyle(cellStyle);
            }
        }
        return row;
    }

    public Row row(Object... values) {
        return row(null, values);
    }

    void skip() {
        next++;
    }

    /** How many rows have been written (or skipped) so far. */
    int rows() {
        return next;
    }

    /** The yellow, bold heading style of our workbooks (as in the decision tables). */
    public static CellStyle headerStyle(Workbook workbook) {
        Font bold = workbook.createFont();
        bold.setBold(true);
        CellStyle style = workbook.createCellStyle();
        style.setFont(bold);
        style.setFillForegroundColor(IndexedColors.LIGHT_YELLOW.getIndex());
        style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        style.setWrapText(true);
        return style;
    }

    /** Body text that wraps at the column's width, aligned to the top of its row. */
    static CellStyle wrapStyle(Workbook workbook) {
        CellStyle style = workbook.createCellStyle();
        style.setWrapText(true);
        style.setVerticalAlignment(VerticalAlignment.TOP);
        return style;
    }
}
