package cn.supervision.compliance.ruleset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import cn.supervision.compliance.ruleset.ApprovedTemplate.SheetTemplate;
import cn.supervision.compliance.ruleset.ApprovedTemplate.TableTemplate;

/**
 * Checks that a workbook changes values only: every rule sheet of the approved template is there with the same header
 * rows, rule tables, code rows, labels and merged object-type cells; nothing is written outside the tables' value
 * cells; every value cell holds a value of its column's type. What it returns is the {@link CompilerWorkbook}: the
 * template's code rows and a printed token for every value, free text replaced by its number in the
 * {@link RowCatalogue}, so no character a policy editor typed reaches the compiler.
 */
final class ValuesOnly {

    private static final String RULE_TABLE = "RuleTable";
    private static final int SHOWN = 80;

    private final String file;
    private final ApprovedTemplate template;
    private final RowCatalogue.Builder catalogue;
    private final CompilerWorkbook copy;
    private final CodeReferences codes;
    private final List<RuleSetProblem> problems = new ArrayList<>();

    private ValuesOnly(String file, ApprovedTemplate template, RowCatalogue.Builder catalogue, CodeReferences codes,
                       CompilerWorkbook copy) {
        this.file = file;
        this.template = template;
        this.catalogue = catalogue;
        this.codes = codes;
        this.copy = copy;
    }

    /**
     * The workbook the compiler may read, its free text added to {@code catalogue} and the codes it defines and names
     * to {@code codes} (checked by the caller once every workbook of the rule set is read); or
     * {@link WorkbookRejected} listing every problem.
     */
    static byte[] check(String file, XSSFWorkbook workbook, ApprovedTemplate template, RowCatalogue.Builder catalogue,
                        CodeReferences codes) {
        try (CompilerWorkbook copy = new CompilerWorkbook()) {
            return check(file, workbook, template, catalogue, codes, copy);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] check(String file, XSSFWorkbook workbook, ApprovedTemplate template,
                                RowCatalogue.Builder catalogue, CodeReferences codes, CompilerWorkbook copy) {
        ValuesOnly check = new ValuesOnly(file, template, catalogue, codes, copy);
        Set<String> ruleSheets = new HashSet<>();
        for (SheetTemplate sheet : template.sheets()) {
            ruleSheets.add(sheet.name());
            Sheet found = workbook.getSheet(sheet.name());
            if (found == null) {
                check.problem(sheet.name(), null, "workbook.sheet-missing");
            } else {
                check.sheet(found, sheet);
            }
        }
        for (Sheet sheet : workbook) {
            if (!ruleSheets.contains(sheet.getSheetName()) && RuleSetCompiler.declaresRuleSet(sheet)) {
                check.problem(sheet.getSheetName(), null, "workbook.new-rule-sheet");
            }
        }
        if (!check.problems.isEmpty()) {
            throw new WorkbookRejected(check.problems);
        }
        return copy.bytes();
    }

    private void sheet(Sheet sheet, SheetTemplate expected) {
        Sheet compiled = copy.sheet(sheet.getSheetName());
        int row = 0;
        for (List<String> header : expected.header()) {
            CompilerWorkbook.row(compiled, row, header);
            headerRow(sheet, row++, header);
        }
        for (TableTemplate table : expected.tables()) {
            row = blankUntilContent(sheet, row);
            Row start = sheet.getRow(row);
            String title = RULE_TABLE + " " + table.name();
            if (start == null || !title.equals(text(start.getCell(0)))) {
                problem(sheet.getSheetName(), address(row, 0), "workbook.table-start", table.name());
                return;
            }
            headerRow(sheet, row, List.of(title));
            CompilerWorkbook.row(compiled, row, List.of(title));
            codeColumns(sheet, row + 1, table);
            for (int i = 0; i < table.rows().size(); i++) {
                CompilerWorkbook.row(compiled, row + 1 + i, table.rows().get(i));
            }
            merges(sheet, row + 2, table);
            for (List<Integer> merged : table.merged()) {
                if (merged.get(0) >= 0) {
                    CompilerWorkbook.merge(compiled, row + 2, merged.get(0), merged.get(1));
                }
            }
            row = values(sheet, compiled, row + 1 + table.rows().size(), table);
        }
        for (int r = row; r <= sheet.getLastRowNum(); r++) {
            Cell cell = firstContent(sheet.getRow(r), 0);
            if (cell != null) {
                problem(sheet.getSheetName(), cell.getAddress().formatAsString(), "workbook.outside-tables");
                return;
            }
        }
    }

    /** A heading row of the sheet or a table's title: each cell as in the template, nothing added. */
    private void headerRow(Sheet sheet, int rowIndex, List<String> expected) {
        int last = Math.max(expected.size(), lastCell(sheet, rowIndex));
        for (int c = 0; c < last; c++) {
            if (!at(expected, c).strip().equals(text(sheet, rowIndex, c).strip())) {
                problem(sheet.getSheetName(), address(rowIndex, c), "workbook.header-changed");
            }
        }
    }

    /**
     * The rows developers own above a table's values (CONDITION/ACTION, object types, code) and its headings: each
     * column as in the template, nothing added beyond its width. A column that differs is named by its heading, never
     * by its code: a person moved a column (the heading is another's) or changed what is above a heading.
     */
    private void codeColumns(Sheet sheet, int first, TableTemplate table) {
        List<List<String>> expected = table.rows();
        int headings = first + expected.size() - 1;
        int last = table.width();
        for (int i = 0; i < expected.size(); i++) {
            last = Math.max(last, lastCell(sheet, first + i));
        }
        for (int c = 0; c < last; c++) {
            int differs = -1;
            for (int i = 0; i < expected.size() && differs < 0; i++) {
                if (!at(expected.get(i), c).strip().equals(text(sheet, first + i, c).strip())) {
                    differs = first + i;
                }
            }
            if (differs < 0) {
                continue;
            }
            String name = sheet.getSheetName();
            String column = CellReference.convertNumToColString(c);
            String heading = text(sheet, headings, c).strip();
            String want = at(table.labels(), c).strip();
            if (c >= table.width()) {
                problem(name, address(differs, c), "workbook.extra-column", name, column,
                        shown(heading.isEmpty() ? text(sheet, differs, c).strip() : heading));
            } else if (!want.equals(heading)) {
                problem(name, address(headings, c), "workbook.column-moved", name, column, want, shown(heading));
            } else {
                problem(name, address(differs, c), "workbook.code-changed", name, column, want);
            }
        }
    }

    private static String at(List<String> cells, int column) {
        return column < cells.size() ? cells.get(column) : "";
    }

    private static String text(Sheet sheet, int row, int column) {
        Row found = sheet.getRow(row);
        return found == null ? "" : text(found.getCell(column));
    }

    private static int lastCell(Sheet sheet, int row) {
        Row found = sheet.getRow(row);
        return found == null ? 0 : found.getLastCellNum();
    }

    private void merges(Sheet sheet, int objectRow, TableTemplate table) {
        Set<List<Integer>> found = new HashSet<>();
        for (CellRangeAddress range : sheet.getMergedRegions()) {
            if (range.getFirstRow() <= objectRow && range.getLastRow() >= objectRow) {
                found.add(range.getFirstRow() == objectRow && range.getLastRow() == objectRow
                        ? List.of(range.getFirstColumn(), range.getLastColumn()) : List.of(-1, range.getFirstColumn()));
            }
        }
        if (!found.equals(new HashSet<>(table.merged()))) {
            problem(sheet.getSheetName(), address(objectRow, 0), "workbook.merged-changed", table.name());
        }
    }

    /**
     * Checks the value rows up to the first empty row; returns the index of that row. The compiler ends a table at an
     * empty row, so an empty row followed by more values before the next table is refused, named as an empty row.
     */
    private int values(Sheet sheet, Sheet compiled, int first, TableTemplate table) {
        List<ColumnType> types = table.types().stream()
                .map(t -> ColumnType.of(t, template.enumerations(), template.codes())).toList();
        int r = first;
        for (; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            if (firstContent(row, 0) == null) {
                int next = blankUntilContent(sheet, r);
                if (next > sheet.getLastRowNum() || text(sheet.getRow(next).getCell(0)).startsWith(RULE_TABLE + " ")) {
                    break;
                }
                if (next - r == 1) {
                    problem(sheet.getSheetName(), address(r, 0), "workbook.blank-row", r + 1, table.name(), next + 1);
                } else {
                    problem(sheet.getSheetName(), address(r, 0), "workbook.blank-rows", r + 1, next, table.name(), next + 1);
                }
                r = next - 1;
                continue;
            }
            Cell outside = firstContent(row, types.size());
            if (outside != null) {
                problem(sheet.getSheetName(), outside.getAddress().formatAsString(), "workbook.outside-columns");
            }
            List<String> labels = table.labels();
            List<String> tokens = new ArrayList<>(types.size());
            for (int c = 0; c < types.size(); c++) {
                String token = value(sheet, row.getCell(c), types.get(c), labels.get(c));
                if (token == null && types.get(c).required() && text(row.getCell(c)).isBlank()) {
                    problem(sheet.getSheetName(), address(r, c), "workbook.blank-code", labels.get(c), table.name());
                }
                tokens.add(token);
            }
            CompilerWorkbook.row(compiled, r, tokens);
        }
        return r;
    }

    /** The token of one value cell, null when it is blank or not a value (then a problem is recorded). */
    private String value(Sheet sheet, Cell cell, ColumnType type, String label) {
        if (cell == null || cell.getCellType() == CellType.BLANK) {
            return null;
        }
        String where = cell.getAddress().formatAsString();
        if (cell.getCellType() == CellType.FORMULA) {
            problem(sheet.getSheetName(), where, "workbook.formula", shown(cell.getCellFormula()), label);
            return null;
        }
        if (cell.getCellType() != CellType.STRING && cell.getCellType() != CellType.NUMERIC) {
            problem(sheet.getSheetName(), where, "workbook.not-a-value", shown(text(cell)), label);
            return null;
        }
        String typed = text(cell);
        if (typed.isBlank()) {
            return null;
        }
        try {
            String token = type.token(typed, text -> catalogue.add(new RowCatalogue.Entry(file, sheet.getSheetName(), where,
                    cell.getRowIndex() + 1, label, text)));
            if (type.defines() != null) {
                codes.define(type.defines(), token, sheet.getSheetName());
            }
            if (type.refersTo() != null) {
                codes.refer(new CodeReferences.Reference(type.refersTo(), token, file, sheet.getSheetName(), where, label));
            }
            return token;
        } catch (IllegalArgumentException e) {
            problem(sheet.getSheetName(), where, "workbook.value-in-column", e.getMessage(), label);
            return null;
        }
    }

    private static int blankUntilContent(Sheet sheet, int row) {
        int r = row;
        while (r <= sheet.getLastRowNum() && firstContent(sheet.getRow(r), 0) == null) {
            r++;
        }
        return r;
    }

    private static Cell firstContent(Row row, int fromColumn) {
        if (row == null) {
            return null;
        }
        for (Cell cell : row) {
            if (cell.getColumnIndex() >= fromColumn && !text(cell).isBlank()) {
                return cell;
            }
        }
        return null;
    }

    /** What a cell holds as text: strings as written, numbers in plain decimal (a percentage style adds %). */
    static String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        return switch (cell.getCellType()) {
            case STRING -> cell.getStringCellValue();
            case NUMERIC -> number(cell);
            case BOOLEAN -> String.valueOf(cell.getBooleanCellValue()).toUpperCase();
            case FORMULA -> "=" + cell.getCellFormula();
            case ERROR -> "#ERROR";
            default -> "";
        };
    }

    private static String number(Cell cell) {
        BigDecimal value = BigDecimal.valueOf(cell.getNumericCellValue());
        String format = cell.getCellStyle() == null ? "" : cell.getCellStyle().getDataFormatString();
        if (format != null && format.contains("%")) {
            return value.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
        }
        return value.stripTrailingZeros().toPlainString();
    }

    private static String shown(String text) {
        return text.length() <= SHOWN ? text : text.substring(0, SHOWN) + "…";
    }

    private static String address(int row, int column) {
        return new CellReference(row, column).formatAsString();
    }

    private void problem(String sheet, String cell, String code, Object... arguments) {
        problems.add(RuleSetProblem.of(file, sheet, cell, code, arguments));
    }
}
