package cn.supervision.compliance.ruleset;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.http.HttpStatus;

import cn.supervision.compliance.system.Refused;
import cn.supervision.compliance.text.Texts;

/**
 * No lost edits (issue 22, point 4): a workbook edited from a version that is no longer active is carried over onto
 * the active one row by row. The rows the editor changed (uploaded against its base) are written into the active
 * workbook when nobody changed them in between (base against active); a row changed on both sides, differently,
 * refuses the upload with 409 naming each such row. Rows are followed by their place in the sheet, so a row inserted
 * in between moves the rows under it and they count as changed on that side: the editor is asked to download again
 * rather than have a row silently land in the wrong place.
 */
final class Rebase {

    private Rebase() {
    }

    /** One row changed on both sides: {@code 资源配置标准!20}. */
    record Conflict(String file, String sheet, int row) {

        @Override
        public String toString() {
            return sheet + "!" + row;
        }
    }

    /**
     * The active workbook {@code active} with the rows {@code uploaded} changed from {@code base}; the conflicts are
     * added to {@code conflicts} (and the active workbook returned unchanged) when some row changed on both sides.
     */
    static byte[] onto(String file, byte[] base, byte[] uploaded, byte[] active, List<Conflict> conflicts) {
        try (XSSFWorkbook b = WorkbookFormat.open(file, base); XSSFWorkbook u = WorkbookFormat.open(file, uploaded);
             XSSFWorkbook a = WorkbookFormat.open(file, active); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            List<Conflict> found = new ArrayList<>();
            List<Runnable> writes = new ArrayList<>();
            for (Sheet sheet : u) {
                Sheet was = b.getSheet(sheet.getSheetName());
                Sheet now = a.getSheet(sheet.getSheetName());
                if (was == null || now == null) {
                    continue;
                }
                int last = Math.max(sheet.getLastRowNum(), Math.max(was.getLastRowNum(), now.getLastRowNum()));
                for (int r = 0; r <= last; r++) {
                    List<String> mine = texts(sheet.getRow(r));
                    List<String> theirs = texts(now.getRow(r));
                    List<String> original = texts(was.getRow(r));
                    if (mine.equals(original) || mine.equals(theirs)) {
                        continue;
                    }
                    if (!theirs.equals(original)) {
                        found.add(new Conflict(file, sheet.getSheetName(), r + 1));
                        continue;
                    }
                    Row from = sheet.getRow(r);
                    int index = r;
                    writes.add(() -> copy(from, now.getRow(index) != null ? now.getRow(index) : now.createRow(index)));
                }
            }
            if (!found.isEmpty()) {
                conflicts.addAll(found);
                return active;
            }
            writes.forEach(Runnable::run);
            a.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot rebase the workbook " + file, e);
        }
    }

    /** 409 naming every row changed on both sides, and the versions: based on {@code base}, active {@code active}. */
    static Refused refused(List<Conflict> conflicts, int base, int active) {
        List<String> rows = conflicts.stream().map(c -> c.file() + " " + c).toList();
        return new Refused(HttpStatus.CONFLICT, Map.of("rows", rows, "base", base, "active", active),
                "governance.rebase-conflict", base, active,
                String.join(Texts.of("workbook.separator"), conflicts.stream().map(Conflict::toString).toList()));
    }

    /** The row's cells as text from column A, trailing blanks dropped (an absent row: none). */
    private static List<String> texts(Row row) {
        List<String> cells = new ArrayList<>();
        if (row == null) {
            return cells;
        }
        for (int c = 0; c < row.getLastCellNum(); c++) {
            cells.add(ValuesOnly.text(row.getCell(c)));
        }
        while (!cells.isEmpty() && cells.get(cells.size() - 1).isBlank()) {
            cells.remove(cells.size() - 1);
        }
        return cells;
    }

    /** The values of {@code from} into {@code to}, cell by cell; the target keeps its own styles (the same template's). */
    private static void copy(Row from, Row to) {
        int width = Math.max(from == null ? 0 : from.getLastCellNum(), to.getLastCellNum());
        for (int c = 0; c < width; c++) {
            Cell source = from == null ? null : from.getCell(c);
            Cell target = to.getCell(c);
            if (source == null) {
                if (target != null) {
                    target.setBlank();
                }
                continue;
            }
            Cell cell = target != null ? target : to.createCell(c);
            switch (source.getCellType()) {
                case STRING -> cell.setCellValue(source.getStringCellValue());
                case NUMERIC -> cell.setCellValue(source.getNumericCellValue());
                case BOOLEAN -> cell.setCellValue(source.getBooleanCellValue());
                case FORMULA -> cell.setCellFormula(source.getCellFormula());
                default -> cell.setBlank();
            }
        }
    }
}
