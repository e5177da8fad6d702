package cn.supervision.compliance.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * Uploaded templates are read in bounded memory: a workbook of more cells than the limit (styled empty cells: 1.5
 * million in 4 MB took half a gigabyte in POI, three at once exhausted the heap) is refused before POI opens it, and
 * only so many are open at once.
 */
class TemplateReadsTests {

    private static byte[] styledEmptyCells(int rows, int columns) throws IOException {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(100)) {
            CellStyle style = workbook.createCellStyle();
            style.setWrapText(true);
            Sheet sheet = workbook.createSheet("学校数据");
            for (int r = 0; r < rows; r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < columns; c++) {
                    row.createCell(c).setCellStyle(style);
                }
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            workbook.write(bytes);
            workbook.dispose();
            return bytes.toByteArray();
        }
    }

    @Test
    void aWorkbookOfMoreCellsThanTheLimitIsRefusedBeforeItIsOpened() throws IOException {
        TemplateReads reads = new TemplateReads(10_000, 2, Duration.ZERO);
        byte[] hostile = styledEmptyCells(2_000, 20);

        assertThat(reads.cells(styledEmptyCells(100, 20))).isEqualTo(2_000);
        assertThatThrownBy(() -> reads.begin(hostile)).isInstanceOfSatisfying(TemplateRejected.class,
                e -> assertThat(e.problems()).singleElement().satisfies(p -> {
                    assertThat(p.field()).isEqualTo("file");
                    assertThat(p.message()).contains("10000").contains("单元格");
                }));
    }

    @Test
    void onlySoManyTemplatesAreOpenAtOnce() throws IOException {
        TemplateReads reads = new TemplateReads(10_000, 1, Duration.ZERO);
        byte[] small = styledEmptyCells(10, 5);
        reads.begin(small);
        assertThatThrownBy(() -> reads.begin(small)).isInstanceOf(ReportsBusy.class);
        reads.done();
        reads.begin(small);
        reads.done();
    }
}
