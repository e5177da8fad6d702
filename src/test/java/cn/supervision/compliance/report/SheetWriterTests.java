package cn.supervision.compliance.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import cn.supervision.compliance.text.Texts;

/**
 * A text longer than an Excel cell holds (the failing schools of a county of 1,700 schools and more made the report a
 * permanent 500) is written whole, over the rows below in its column, each part marked as continued.
 */
class SheetWriterTests {

    @Test
    void aTextOverTheCellLimitContinuesInTheRowsBelowAndNothingIsLost() throws IOException {
        String schools = IntStream.range(0, 9_000).mapToObj(i -> "第" + i + "小学").collect(Collectors.joining("、"));
        assertThat(schools.length()).isGreaterThan(2 * SheetWriter.CELL_LIMIT);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(10)) {
            SheetWriter sheet = new SheetWriter(workbook.createSheet("检查"));
            sheet.row("R1", schools, 3);
            sheet.row("R2", "短文本", 4);
            workbook.write(bytes);
            workbook.dispose();
        }

        try (XSSFWorkbook read = new XSSFWorkbook(new ByteArrayInputStream(bytes.toByteArray()))) {
            Sheet sheet = read.getSheetAt(0);
            String mark = Texts.of("report.continued");
            StringBuilder joined = new StringBuilder();
            int r = 0;
            for (; sheet.getRow(r) != null && !"R2".equals(sheet.getRow(r).getCell(0).getStringCellValue()); r++) {
                String part = sheet.getRow(r).getCell(1).getStringCellValue();
                assertThat(part.length()).isLessThanOrEqualTo(SheetWriter.CELL_LIMIT);
                joined.append(part.endsWith(mark) ? part.substring(0, part.length() - mark.length()) : part);
            }
            assertThat(r).isEqualTo(3);
            assertThat(joined.toString()).isEqualTo(schools);
            Row first = sheet.getRow(0);
            assertThat(first.getCell(0).getStringCellValue()).isEqualTo("R1");
            assertThat(first.getCell(2).getNumericCellValue()).isEqualTo(3);
            assertThat(sheet.getRow(1).getCell(2).getCellType().name()).isEqualTo("BLANK");
            assertThat(sheet.getRow(r).getCell(1).getStringCellValue()).isEqualTo("短文本");
        }
    }
}
