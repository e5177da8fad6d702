package cn.supervision.compliance.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
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

import cn.supervision.compliance.text.Texts;

/** Appends rows to a sheet: text always as inert text cells, numbers as numbers, nulls as empty cells. */
public final class SheetWriter {

    /** The most characters an Excel cell holds (a longer one makes POI fail and Excel refuse the file). */
    static final int CELL_LIMIT = 32_767;

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
    public SheetWriter wrapped(CellStyle wrap, int... columns) {
        for (int column : columns) {
            columnStyles.put(column, wrap);
        }
        return this;
    }

    /**
     * One row; a text longer than an Excel cell holds ({@link #CELL_LIMIT} characters: the failing schools of a county
     * of thousands) goes on in the same column of the rows below, each part marked, so the report stays whole and opens.
     */
    public Row row(CellStyle style, Object... values) {
        List<List<String>> parts = new ArrayList<>();
        int rows = 1;
        for (Object value : values) {
            List<String> split = value == null || value instanceof Number ? null : parts(InertText.of(value.toString()));
            parts.add(split);
            rows = Math.max(rows, split == null ? 1 : split.size());
        }
        Row first = null;
        for (int r = 0; r < rows; r++) {
            Row row = sheet.createRow(next++);
            first = first == null ? row : first;
            for (int i = 0; i < values.length; i++) {
                Object value = values[i];
                Cell cell = row.createCell(i);
                if (r == 0 && value instanceof Number number) {
                    cell.setCellValue(number.doubleValue());
                } else if (parts.get(i) != null && r < parts.get(i).size()) {
                    cell.setCellValue(parts.get(i).get(r));
                }
                CellStyle cellStyle = style != null ? style : columnStyles.get(i);
                if (cellStyle != null) {
                    cell.setCellStyle(cellStyle);
                }
            }
        }
        return first;
    }

    /** The text in pieces an Excel cell holds, each but the last ending with the continuation mark. */
    static List<String> parts(String text) {
        if (text.length() <= CELL_LIMIT) {
            return List.of(text);
        }
        String mark = Texts.of("report.continued");
        int piece = CELL_LIMIT - mark.length();
        List<String> parts = new ArrayList<>();
        int at = 0;
        while (text.length() - at > CELL_LIMIT) {
            int end = at + piece;
            if (Character.isHighSurrogate(text.charAt(end - 1))) {
                end--;
            }
            parts.add(text.substring(at, end) + mark);
            at = end;
        }
        parts.add(text.substring(at));
        return parts;
    }

    public Row row(Object... values) {
        return row(null, values);
    }

    public void skip() {
        next++;
    }

    /** How many rows have been written (or skipped) so far. */
    public int rows() {
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
