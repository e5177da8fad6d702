package cn.supervision.compliance.evaluation;

import java.io.IOException;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Supplier;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import cn.supervision.compliance.facts.InvalidInput;
import cn.supervision.compliance.ruleset.RuleSetFile;
import cn.supervision.compliance.ruleset.TestCaseResult;
import cn.supervision.compliance.ruleset.WorkbookFormat;
import cn.supervision.compliance.ruleset.WorkbookRejected;
import cn.supervision.compliance.text.Texts;

/** Reading the cells of a workbook's 测试用例 sheet; a cell that cannot be read is a {@link BadCell} naming it. */
public final class TestSheetCells {

    public static final String SHEET = "测试用例";
    public static final String CASE = "用例";

    private TestSheetCells() {
    }

    /** A cell of the test sheet that cannot be read. */
    public static final class BadCell extends RuntimeException {
        private final String cell;

        BadCell(String cell, String reason) {
            super(reason);
            this.cell = cell;
        }

        public String cell() {
            return cell;
        }
    }

    /** The results of the 测试用例 sheet of every workbook that has one. */
    public static List<TestCaseResult> run(List<RuleSetFile> files, BiFunction<String, Sheet, List<TestCaseResult>> sheet) {
        List<TestCaseResult> results = new ArrayList<>();
        for (RuleSetFile file : files) {
            if (file.kind() != RuleSetFile.Kind.WORKBOOK) {
                continue;
            }
            try (XSSFWorkbook workbook = WorkbookFormat.open(file.name(), file.content())) {
                Sheet found = workbook.getSheet(SHEET);
                if (found != null) {
                    results.addAll(sheet.apply(file.name(), found));
                }
            } catch (IOException e) {
                throw WorkbookRejected.of(file.name(), "workbook.unreadable");
            }
        }
        return results;
    }

    /**
     * Runs one case: evaluates it, lets {@code compare} add what differs from the expectations, and names the case's
     * rows, from column A of its first row to {@code lastColumn} of its last.
     */
    public static TestCaseResult outcome(String file, String name, int firstRow, int lastRow, int lastColumn,
                                  Supplier<EvaluationResult> evaluation,
                                  BiConsumer<EvaluationResult, List<String>> compare) {
        List<String> failures = new ArrayList<>();
        try {
            compare.accept(evaluation.get(), failures);
        } catch (InvalidInput e) {
            e.problems().forEach(p -> failures.add(Texts.of("test-case.figures-invalid", Texts.fieldName(p.field()), p.message())));
        }
        String range = new CellReference(firstRow, 0).formatAsString() + ":"
                + new CellReference(lastRow, lastColumn).formatAsString();
        return new TestCaseResult(file, SHEET, name, range, failures.isEmpty(), failures);
    }

    public static Map<String, Integer> headings(Row row) {
        Map<String, Integer> columns = new LinkedHashMap<>();
        for (Cell cell : row) {
            columns.put(text(cell), cell.getColumnIndex());
        }
        return columns;
    }

    public static String required(Row row, int column) {
        String value = optional(row, column);
        if (value == null) {
            throw bad(row, column, Texts.of("test-case.empty"));
        }
        return value;
    }

    public static String optional(Row row, int column) {
        String value = Normalizer.normalize(text(row.getCell(column)), Normalizer.Form.NFKC).strip();
        return value.isEmpty() ? null : value;
    }

    public static BigDecimal number(Row row, int column) {
        String value = optional(row, column);
        try {
            return Quantities.bounded(Quantities.parse(value, value));
        } catch (IllegalArgumentException e) {
            throw bad(row, column, e.getMessage());
        }
    }

    public static int whole(Row row, int column) {
        String value = required(row, column);
        try {
            return Quantities.parseWhole(value, value);
        } catch (IllegalArgumentException e) {
            throw bad(row, column, e.getMessage());
        }
    }

    public static BadCell bad(Row row, int column, String reason) {
        return new BadCell(new CellReference(row.getRowNum(), column).formatAsString(), reason);
    }

    public static String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        if (cell.getCellType() == CellType.NUMERIC) {
            return BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
        }
        return new DataFormatter().formatCellValue(cell);
    }
}
