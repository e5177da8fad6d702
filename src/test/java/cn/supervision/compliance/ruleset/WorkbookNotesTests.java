package cn.supervision.compliance.ruleset;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * The 说明 sheet of every shipped workbook cites the policy documents its rows come from by their titles, never a
 * file a policy editor cannot open (the team's notes are not part of the repository).
 */
class WorkbookNotesTests {

    private static final DataFormatter TEXT = new DataFormatter();

    @Test
    void everyNotesSheetCitesItsPolicyDocumentsAndNoDeveloperFile() throws IOException {
        List<Path> workbooks;
        try (Stream<Path> files = Files.walk(ShippedRuleSets.DECISION_TABLES)) {
            workbooks = files.filter(f -> f.toString().endsWith(".xlsx")).toList();
        }
        assertThat(workbooks).hasSize(4);
        for (Path workbook : workbooks) {
            try (XSSFWorkbook book = new XSSFWorkbook(Files.newInputStream(workbook))) {
                Sheet notes = book.getSheet("说明");
                StringBuilder text = new StringBuilder();
                notes.forEach(row -> row.forEach(cell -> text.append(TEXT.formatCellValue(cell)).append('\n')));
                assertThat(text).as("%s", workbook).contains("依据：", "《").doesNotContain(".md", "INDICATORS", "/api/");
            }
        }
    }
}
