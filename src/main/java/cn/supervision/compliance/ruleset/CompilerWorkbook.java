package cn.supervision.compliance.ruleset;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The only workbook a compiler ever reads: written afresh, cell by cell, from the approved template's code rows and
 * the tokens {@link ColumnType} printed for the uploaded values, at the rows where the uploaded workbook has them (rule
 * names carry Excel rows, so every finding still points at the row the policy editor wrote). Nothing of the uploaded
 * file is copied: not its parts, its styles, its strings, nor any sheet that holds no rule table.
 */
final class CompilerWorkbook implements AutoCloseable {

    private final XSSFWorkbook workbook = new XSSFWorkbook();

    Sheet sheet(String name) {
        return workbook.createSheet(name);
    }

    /**
     * Writes one row; an empty string is a blank cell that exists (Drools reads a merged object-type cell through the
     * cells it spans), null no cell at all.
     */
    static void row(Sheet sheet, int index, List<String> cells) {
        Row row = sheet.createRow(index);
        for (int c = 0; c < cells.size(); c++) {
            String value = cells.get(c);
            if (value != null) {
                Cell cell = row.createCell(c);
                if (!value.isEmpty()) {
                    cell.setCellValue(value);
                }
            }
        }
    }

    static void merge(Sheet sheet, int row, int firstColumn, int lastColumn) {
        sheet.addMergedRegion(new CellRangeAddress(row, row, firstColumn, lastColumn));
    }

    byte[] bytes() {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        workbook.close();
    }
}
