package cn.supervision.compliance.ruleset;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.supervision.compliance.ruleset.ApprovedTemplate.TableTemplate;

/**
 * The comparison of two versions follows rows by their key cells: edits made to copies of the shipped workbook as a
 * policy editor makes them in Excel (insert a row, move one, change a value, insert a row above a table) come out as
 * one change each, and never as the cells they push down or the code rows.
 */
class RowChangesTests {

    private static final String SET = "balanced-development";
    private static final String FILE = Workbooks.RESOURCE_ALLOCATION;
    private static final String STANDARDS = "资源配置标准";

    private final RowChanges rowChanges = new RowChanges(ShippedRuleSets.templates());

    private List<Change> changes(byte[] edited) {
        return rowChanges.between(SET, List.of(file(Workbooks.shipped())), List.of(file(edited)));
    }

    private static RuleSetFile file(byte[] content) {
        return new RuleSetFile(RuleSetFile.Kind.WORKBOOK, FILE, content);
    }

    @Test
    void aRowInsertedInTheMiddleOfATableIsOneAddedRow() {
        byte[] inserted = Workbooks.edited(Workbooks.shipped(), book -> {
            Sheet sheet = book.getSheet(STANDARDS);
            sheet.shiftRows(15, sheet.getLastRowNum(), 1);
            write(sheet.createRow(15), "R3", "高中", "每百名学生拥有体育、艺术专任教师数", "人", "≥1.0");
        });

        assertThat(changes(inserted)).containsExactly(
                new Change.AddedRow(FILE, STANDARDS, 16, List.of("R3", "高中", "每百名学生拥有体育、艺术专任教师数", "人", "≥1.0")));
    }

    @Test
    void aRowMovedIsOneMovedRowAndARowDeletedOneRemovedRow() {
        byte[] moved = Workbooks.edited(Workbooks.shipped(), book -> swap(book.getSheet(STANDARDS), 9, 10));
        assertThat(changes(moved)).singleElement().isInstanceOfSatisfying(Change.MovedRow.class, row -> {
            assertThat(row.sheet()).isEqualTo(STANDARDS);
            assertThat(List.of(row.from(), row.to())).containsExactlyInAnyOrder(10, 11);
        });

        byte[] removed = Workbooks.edited(Workbooks.shipped(), book -> {
            Sheet sheet = book.getSheet(STANDARDS);
            sheet.removeRow(sheet.getRow(13));
            sheet.shiftRows(14, sheet.getLastRowNum(), -1);
        });
        assertThat(changes(removed)).singleElement().isInstanceOfSatisfying(Change.RemovedRow.class, row -> {
            assertThat(row.row()).isEqualTo(14);
            assertThat(row.values()).startsWith("R3", "小学");
        });
    }

    @Test
    void aRowInsertedAboveATableShowsNoCodeRowAndOnlyTheValueThatChanged() {
        byte[] shifted = Workbooks.edited(Workbooks.shipped(), book -> {
            Sheet sheet = book.getSheet(STANDARDS);
            sheet.shiftRows(4, sheet.getLastRowNum(), 1);
            sheet.getRow(20).getCell(4).setCellValue("≥2300");
        });

        // the change worded by meaning beside its cell (issue 22, point 7)
        assertThat(changes(shifted)).containsExactly(new ChangedCell(FILE, STANDARDS, "E21", "≥2000", "≥2300",
                "R6 小学 标准（要求） ≥2000 → ≥2300"));
    }

    @Test
    void aChangedKeyCellAndAnEditedTestCaseAreTheSameRowEditedInPlace() {
        byte[] edited = Workbooks.withCell(Workbooks.withCell(Workbooks.shipped(), "差异系数", "A11", "高中"),
                "测试用例", "G5", 1001);

        assertThat(changes(edited)).containsExactly(
                new ChangedCell(FILE, "差异系数", "A11", "初中", "高中", "高中 学段 初中 → 高中"),
                new ChangedCell(FILE, "测试用例", "G5", "1000", "1001"));
    }

    @Test
    void theSameValuesSavedAgainAreNoChange() {
        byte[] rewritten = Workbooks.edited(Workbooks.shipped(), book -> book.setActiveSheet(2));
        assertThat(rewritten).isNotEqualTo(Workbooks.shipped());
        assertThat(changes(rewritten)).isEmpty();
    }

    @Test
    void aVersionStoredBeforeRowsWereFollowedIsReadAsItsChangedCells() throws IOException {
        String stored = "[{\"file\":\"resource-allocation.xlsx\",\"sheet\":\"资源配置标准\",\"cell\":\"E20\","
                + "\"before\":\"≥2000\",\"after\":\"≥2300\"}]";
        ObjectMapper mapper = new ObjectMapper();
        TypeReference<List<Change>> changes = new TypeReference<>() { };
        List<Change> read = mapper.readValue(stored, changes);

        assertThat(read).containsExactly(new ChangedCell(FILE, STANDARDS, "E20", "≥2000", "≥2300"));
        assertThat(mapper.writerFor(changes).writeValueAsString(read)).contains("\"change\":\"cell\"");
        String moved = mapper.writerFor(changes).writeValueAsString(List.of(new Change.MovedRow(FILE, STANDARDS, 3, 4, List.of("R1"))));
        assertThat(mapper.readValue(moved, changes)).containsExactly(new Change.MovedRow(FILE, STANDARDS, 3, 4, List.of("R1")));
    }

    /** The row keys the templates declare identify every row of the shipped tables (no two rows share one). */
    @ParameterizedTest
    @CsvSource({"balanced-development, resource-allocation.xlsx", "balanced-development, county-assessment.xlsx",
            "curriculum, curriculum.xlsx", "district-targets, district-targets.xlsx"})
    void everyShippedRowHasAKeyOfItsOwn(String ruleSet, String file) throws IOException {
        ApprovedTemplate template = ShippedRuleSets.templates().of(ruleSet, file).orElseThrow();
        try (XSSFWorkbook book = WorkbookFormat.open(file, Files.readAllBytes(
                ShippedRuleSets.DECISION_TABLES.resolve(ruleSet).resolve(file)))) {
            for (ApprovedTemplate.SheetTemplate sheet : template.sheets()) {
                for (TableTemplate table : sheet.tables()) {
                    assertThat(table.keyColumns()).as(table.name()).doesNotContain(-1);
                    List<List<String>> keys = keys(book.getSheet(sheet.name()), table);
                    assertThat(new HashSet<>(keys)).as(table.name()).hasSameSizeAs(keys);
                }
            }
        }
    }

    private static List<List<String>> keys(Sheet sheet, TableTemplate table) {
        int start = -1;
        for (Row row : sheet) {
            if (("RuleTable " + table.name()).equals(ValuesOnly.text(row.getCell(0)))) {
                start = row.getRowNum() + table.rows().size() + 1;
            }
        }
        List<List<String>> keys = new ArrayList<>();
        for (int r = start; sheet.getRow(r) != null && !ValuesOnly.text(sheet.getRow(r).getCell(0)).isBlank(); r++) {
            Row row = sheet.getRow(r);
            keys.add(table.keyColumns().stream().map(c -> ValuesOnly.text(row.getCell(c))).toList());
        }
        assertThat(keys).as(table.name()).isNotEmpty();
        return keys;
    }

    private static void write(Row row, String... values) {
        for (int i = 0; i < values.length; i++) {
            row.createCell(i).setCellValue(values[i]);
        }
    }

    private static void swap(Sheet sheet, int a, int b) {
        Set<Integer> columns = Set.of(0, 1, 2, 3, 4);
        for (int c : columns) {
            String x = ValuesOnly.text(sheet.getRow(a).getCell(c));
            String y = ValuesOnly.text(sheet.getRow(b).getCell(c));
            sheet.getRow(a).getCell(c).setCellValue(y);
            sheet.getRow(b).getCell(c).setCellValue(x);
        }
    }
}
