package cn.supervision.compliance.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.supervision.compliance.api.ApiClients;

/** The Excel report of a stored evaluation, downloaded over HTTP and read back with POI. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:http-tests;DB_CLOSE_DELAY=-1")
class ReportHttpTests {

    private static final String INJECTION = "=HYPERLINK(\"http://evil.example\",\"点我\")";
    private static final DataFormatter TEXT = new DataFormatter();

    @LocalServerPort
    int port;

    @Autowired
    ObjectMapper mapper;

    private JsonNode evaluate(ObjectNode request) {
        return ApiClients.evaluate(ApiClients.admin(port), request);
    }

    private XSSFWorkbook report(String id) throws IOException {
        ResponseEntity<byte[]> response = ApiClients.admin(port).get().uri("/api/v1/evaluations/" + id + "/report")
                .retrieve().toEntity(byte[].class);
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        assertThat(response.getHeaders().getContentType()).hasToString(
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(response.getHeaders().getContentDisposition().getFilename()).isEqualTo(
                "evaluation-" + id + ".xlsx");
        // built whole before it is sent: its length is announced, so a cut-off download cannot pass for a report
        assertThat(response.getHeaders().getContentLength()).isEqualTo(response.getBody().length);
        return new XSSFWorkbook(new ByteArrayInputStream(response.getBody()));
    }

    @Test
    void theReportHoldsTheVerdictEveryCheckTheFailingSchoolsAndTheRemediationByDepartment() throws IOException {
        JsonNode result = evaluate(ApiClients.sample(mapper, "RPT-1"));

        try (XSSFWorkbook report = report(result.get("id").asText())) {
            assertThat(report.getSheetName(0)).isEqualTo("汇总");
            assertThat(report.getSheetName(1)).isEqualTo("全部检查");
            assertThat(report.getSheetName(report.getNumberOfSheets() - 1)).isEqualTo("整改清单");

            List<List<String>> summary = rows(report.getSheet("汇总"));
            assertThat(summary).contains(List.of("结论", "未达标"), List.of("评估对象代码", "RPT-1"),
                    List.of("提交人", "admin"));
            assertThat(summary.stream().map(r -> String.join("|", r)))
                    .anyMatch(line -> line.contains("檀江乡中心小学") && line.contains("未达标"));

            List<List<String>> checks = rows(report.getSheet("全部检查"));
            assertThat(checks.get(0)).startsWith("类型", "学校代码", "学校名称", "学段", "指标代码");
            assertThat(checks).anyMatch(r -> r.get(1).equals("S4") && r.get(4).equals("R6")
                    && r.contains("未达标") && r.contains("资源配置标准"));
            assertThat(checks).anyMatch(r -> r.get(1).equals("S1") && r.get(4).equals("R6") && r.contains("达标"));

            Sheet s4 = report.getSheet("未达标-檀江乡中心小学");
            assertThat(s4).as("a sheet for the failing school S4").isNotNull();
            assertThat(rows(s4)).anyMatch(r -> r.size() > 6 && r.get(1).equals("R6") && r.get(6).equals("30000"));

            List<List<String>> remediation = rows(report.getSheet("整改清单"));
            assertThat(remediation.get(0)).startsWith("责任部门", "责任股室", "指标代码");
            // the default answer: one hint per remedy row, with the subjects it applies to
            for (JsonNode hint : result.get("hints")) {
                for (JsonNode subject : hint.get("subjects")) {
                    for (JsonNode department : hint.get("departments")) {
                        assertThat(remediation).as("hint %s for %s under %s", hint.get("indicator"),
                                        subject.get("subject"), department)
                                .anyMatch(r -> r.get(0).equals(department.asText()) && r.get(1).equals(
                                        hint.get("office").asText()) && r.get(2).equals(hint.get("indicator").asText())
                                        && r.get(4).contains(subject.get("subject").asText()));
                    }
                }
            }
            assertThat(result.get("hints").findValuesAsText("subject")).contains("S4");
        }
    }

    @Test
    void aFormulaInASchoolNameComesOutAsInertText() throws IOException {
        ObjectNode request = ApiClients.sample(mapper, "RPT-INJECT");
        ((ObjectNode) request.get("subject").get("schools").get(3)).put("name", INJECTION);
        ((ObjectNode) request.get("subject")).put("countyName", "+SUM(1,2)");

        JsonNode result = evaluate(request);

        try (XSSFWorkbook report = report(result.get("id").asText())) {
            List<Cell> cells = new ArrayList<>();
            report.forEach(sheet -> sheet.forEach(row -> row.forEach(cells::add)));
            assertThat(cells).noneMatch(c -> c.getCellType() == CellType.FORMULA);
            List<String> texts = cells.stream().filter(c -> c.getCellType() == CellType.STRING)
                    .map(Cell::getStringCellValue).toList();
            assertThat(texts).contains("'" + INJECTION, "'+SUM(1,2)");
            assertThat(texts).noneMatch(t -> t.startsWith("=") || t.startsWith("+") || t.startsWith("@"));
            assertThat(texts).noneMatch(t -> t.startsWith("-") && !t.matches("-?[0-9.]+"));
        }
    }

    static List<List<String>> rows(Sheet sheet) {
        List<List<String>> rows = new ArrayList<>();
        for (Row row : sheet) {
            List<String> cells = new ArrayList<>();
            for (int c = 0; c < row.getLastCellNum(); c++) {
                Cell cell = row.getCell(c);
                cells.add(cell == null ? "" : TEXT.formatCellValue(cell));
            }
            rows.add(cells);
        }
        return rows;
    }
}
