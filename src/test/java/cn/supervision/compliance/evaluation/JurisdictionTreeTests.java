package cn.supervision.compliance.evaluation;

import static cn.supervision.compliance.evaluation.TargetChecks.rejectedFields;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.supervision.compliance.ruleset.ShippedRuleSets;

/**
 * The jurisdiction tree (INDICATORS.md §3.1) is one sheet, 管辖区域, that every rule set carries: the shipped copies
 * hold the same nodes, and a county is judged by the rows of its node and of its ancestors only.
 */
class JurisdictionTreeTests {

    private static final String TREE = "管辖区域";

    /** The value rows of the 管辖区域 table (under its heading row 代码), as shown in Excel. */
    private static List<List<String>> treeRows(String workbook) throws IOException {
        DataFormatter text = new DataFormatter();
        List<List<String>> rows = new ArrayList<>();
        try (InputStream in = Files.newInputStream(ShippedRuleSets.DECISION_TABLES.resolve(workbook));
             XSSFWorkbook book = new XSSFWorkbook(in)) {
            Sheet sheet = book.getSheet(TREE);
            boolean values = false;
            for (Row row : sheet) {
                String first = text.formatCellValue(row.getCell(0));
                if (values && !first.isBlank()) {
                    List<String> cells = new ArrayList<>();
                    for (int c = 0; c < 5; c++) {
                        cells.add(text.formatCellValue(row.getCell(c)));
                    }
                    rows.add(cells);
                }
                values |= first.equals("代码");
            }
        }
        return rows;
    }

    @Test
    void everyRuleSetCarriesTheSameTree() throws IOException {
        List<List<String>> curriculum = treeRows("curriculum/curriculum.xlsx");
        // 行政区划代码 (GB/T 2260) prefixes place subjects in the tree; national has none (issue 22)
        assertThat(curriculum).contains(List.of("national", "", "全国", "", "national"),
                List.of("beijing", "national", "北京市", "11", "province"),
                List.of("daxing", "beijing", "北京市大兴区", "110115", "district"),
                List.of("shaoyang", "hunan", "湖南省邵阳市", "4305", "city"),
                List.of("daxiang", "shaoyang", "湖南省邵阳市大祥区", "430503", "district"));
        assertThat(treeRows("district-targets/district-targets.xlsx")).isEqualTo(curriculum);
        assertThat(treeRows("balanced-development/resource-allocation.xlsx")).isEqualTo(curriculum);
    }

    @ParameterizedTest
    @CsvSource({"national, national, 6", "daxing, national>beijing>daxing, 6", "hunan, national>hunan, 6",
            "daxiang, national>hunan>shaoyang>daxiang, 7"})
    void aCountyIsJudgedByTheSchoolRuleOfTheMostSpecificNodeOfItsChain(String jurisdiction, String chain,
                                                                        int minimumMet) throws IOException {
        EvaluationResult result = CountyAssessmentTests.evaluate(jurisdiction, s -> { });
        assertThat(result.jurisdictionChain()).containsExactly(chain.split(">"));
        // 城南小学 (S3) meets 6 of 7: it passes under the national rule, fails under daxiang's all-7
        assertThat(CountyRulesTests.sectionOf(result, "S3").passed()).isEqualTo(minimumMet == 6);
    }

    @Test
    void anUnknownNodeIsRejectedNamingTheField() {
        assertThat(rejectedFields(() -> {
            try {
                CountyAssessmentTests.evaluate("atlantis", s -> { });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        })).containsExactly("jurisdiction");
    }

    /** One decision in one place (issue 21): for each key the candidate of the node nearest the requested one. */
    @Test
    void theMostSpecificNodeOfTheChainWinsForEachKeyAndANodeOutsideTheChainNeverCounts() {
        JurisdictionChain chain = new JurisdictionChain(List.of("national", "hunan", "daxiang"));
        record Row(String key, String setBy) {
        }
        List<Row> rows = List.of(new Row("G10", "national"), new Row("G10", "daxiang"), new Row("G11", "national"),
                new Row("G11", "beijing"), new Row("G12", "hunan"), new Row("G12", "hunan"), new Row("G13", "beijing"));

        assertThat(chain.mostSpecific(rows, Row::key, Row::setBy))
                .containsExactly(rows.get(1), rows.get(2), rows.get(4), rows.get(5));
    }
}
