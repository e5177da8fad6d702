package cn.supervision.compliance.ruleset;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.apache.poi.ss.usermodel.Sheet;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The table analysis on the shipped workbook and on copies of it with a gap and an overlap. */
class TableAnalysisTests {

    private final TableAnalysis analysis = new TableAnalysis(new ApprovedTemplates(new ObjectMapper(), List.of()));

    private TableAnalysis.Tables check(byte[] workbook) {
        return analysis.check("balanced-development",
                List.of(new RuleSetFile(RuleSetFile.Kind.WORKBOOK, Workbooks.RESOURCE_ALLOCATION, workbook)));
    }

    @Test
    void theShippedWorkbookHasNeitherOverlapNorGap() {
        TableAnalysis.Tables tables = check(Workbooks.shipped());
        assertThat(tables.problems()).isEmpty();
        assertThat(tables.warnings()).isEmpty();
    }

    @Test
    void aStageWithoutARowIsAGapNamingTheIndicatorsRows() {
        // R6 初中 (row 21) deleted and the rows under it moved up, as Excel's 删除行 does
        byte[] workbook = Workbooks.edited(Workbooks.shipped(), book -> {
            Sheet sheet = book.getSheet("资源配置标准");
            sheet.removeRow(sheet.getRow(20));
            sheet.shiftRows(21, sheet.getLastRowNum(), -1);
        });
        TableAnalysis.Tables tables = check(workbook);
        assertThat(tables.problems()).isEmpty();
        assertThat(tables.warnings()).singleElement().satisfies(gap -> {
            assertThat(gap.kind()).isEqualTo("gap");
            assertThat(gap.rows()).containsExactly("资源配置标准!20");
            assertThat(gap.message()).contains("R6", "初中", "未评估");
        });
    }

    @Test
    void twoRowsForTheSameSubjectsWithDifferentValuesOverlap() {
        byte[] workbook = Workbooks.withCell(Workbooks.withCell(Workbooks.shipped(), "资源配置标准", "B21", "小学"),
                "资源配置标准", "E21", "≥1900");
        TableAnalysis.Tables tables = check(workbook);
        assertThat(tables.problems()).singleElement().satisfies(overlap -> {
            assertThat(overlap.cell()).isEqualTo("A21");
            assertThat(overlap.message()).contains("资源配置标准!20", "资源配置标准!21");
        });
    }
}
