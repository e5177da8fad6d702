package cn.supervision.compliance.ruleset;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import cn.supervision.compliance.system.Refused;

/**
 * One figure changed in the browser (issue 22, point 7): the active version's workbook with that one cell set, sent
 * through the same upload as a workbook saved in Excel, so the same checks, scope, analysis, test cases and approval
 * apply. The cell is named by sheet, 1-based row and column (a letter, or the heading above it, e.g. 标准（要求）).
 */
@Service
public class SingleFigureEdit {

    private static final DataFormatter TEXT = new DataFormatter();
    private static final Pattern LETTERS = Pattern.compile("[A-Z]{1,3}");
    private static final Pattern NUMBER = Pattern.compile("-?\\d{1,12}(\\.\\d{1,12})?");
    static final int MAX_VALUE = 200;
    private static final int MAX_ROW = 100_000;

    private final RuleSetVersions versions;

    SingleFigureEdit(RuleSetVersions versions) {
        this.versions = versions;
    }

    /** The cell to set and its new value, with the editor's reason (the version's comment). */
    public record Edit(String workbook, String sheet, Integer row, String column, String value, String comment) {
    }

    public RuleSetVersions.Arrival apply(String ruleSet, Edit edit, String by) {
        require(edit.workbook(), "workbook");
        require(edit.sheet(), "sheet");
        require(edit.column(), "column");
        require(edit.value(), "value");
        if (edit.value().length() > MAX_VALUE) {
            throw refused("value", "input.edit.too-long", MAX_VALUE);
        }
        if (edit.row() == null || edit.row() < 1 || edit.row() > MAX_ROW) {
            throw refused("row", "input.between", 1, MAX_ROW);
        }
        RuleSetVersion active = versions.active(ruleSet);
        RuleSetFile workbook = versions.workbook(ruleSet, String.valueOf(active.sequence()), edit.workbook());
        byte[] changed = changed(workbook, edit);
        return versions.upload(ruleSet, List.of(new RuleSetFile(RuleSetFile.Kind.WORKBOOK, workbook.name(), changed)),
                edit.comment(), by);
    }

    private static byte[] changed(RuleSetFile workbook, Edit edit) {
        try (XSSFWorkbook book = WorkbookFormat.open(workbook.name(), workbook.content());
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.getSheet(edit.sheet());
            if (sheet == null) {
                throw refused("sheet", "input.edit.no-sheet", edit.sheet(), workbook.name());
            }
            int rowIndex = edit.row() - 1;
            int column = column(sheet, rowIndex, edit.column().strip());
            Row row = sheet.getRow(rowIndex) == null ? sheet.createRow(rowIndex) : sheet.getRow(rowIndex);
            Cell cell = row.getCell(column) == null ? row.createCell(column) : row.getCell(column);
            String value = edit.value().strip();
            if (cell.getCellType() == CellType.NUMERIC && NUMBER.matcher(value).matches()) {
                cell.setCellValue(new BigDecimal(value).doubleValue());
            } else {
                cell.setCellValue(value);
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A column letter, or the column headed {@code name} in the nearest row above {@code row} that has it. */
    private static int column(Sheet sheet, int row, String name) {
        if (LETTERS.matcher(name).matches()) {
            return CellReference.convertColStringToIndex(name);
        }
        for (int r = row - 1; r >= 0; r--) {
            Row above = sheet.getRow(r);
            for (int c = 0; above != null && c < above.getLastCellNum(); c++) {
                if (name.equals(TEXT.formatCellValue(above.getCell(c)).strip())) {
                    return c;
                }
            }
        }
        throw refused("column", "input.edit.no-column", name, sheet.getSheetName(), row + 1);
    }

    /** A bad field of the edit: 400 naming it (the rule-set module knows no request types of the pipeline). */
    private static Refused refused(String field, String code, Object... arguments) {
        return new Refused(HttpStatus.BAD_REQUEST, Map.of("field", field), code, arguments);
    }

    private static void require(String value, String field) {
        if (value == null || value.isBlank()) {
            throw refused(field, "input.edit.required");
        }
    }
}
