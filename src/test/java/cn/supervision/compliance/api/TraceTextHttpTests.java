package cn.supervision.compliance.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

import cn.supervision.compliance.system.Role;

/**
 * What an auditor reads names each request field by its Chinese name and unit, never by its JSON name: the sentence of
 * every trace step and every cell of the Excel report, for both sample counties. The JSON beside the sentence keeps
 * the field path and the raw figures for programs; {@code Accept-Language: en} gets the sentences in English.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:http-tests;DB_CLOSE_DELAY=-1")
class TraceTextHttpTests {

    @LocalServerPort
    int port;

    /** A request field as the JSON names it: {@code equipmentValueYuan}, {@code qualifiedTeachers}. */
    private static final Pattern CAMEL_CASE = Pattern.compile("[a-z]+[A-Z][A-Za-z]*");

    @ParameterizedTest
    @ValueSource(strings = {"county-430503.json", "county-assessment-430503.json"})
    void everyTraceSentenceNamesTheFieldsInChineseWithTheirUnits(String sample) throws IOException {
        JsonNode trace = trace(evaluate(sample), null);

        for (JsonNode step : trace.get("checks")) {
            assertThat(step.get("explanation").asText()).as(step.toString()).doesNotContainPattern(CAMEL_CASE);
        }
        List<JsonNode> r6 = steps(trace, "R6");
        assertThat(r6).isNotEmpty();
        for (JsonNode step : r6) {
            JsonNode figures = step.get("figures");
            assertThat(figures.get("field").asText()).isEqualTo("equipmentValueYuan");
            assertThat(step.get("explanation").asText()).as(step.toString())
                    .contains("教学仪器设备值 ", " " + figures.get("raw").decimalValue().toPlainString() + " 元")
                    .contains("学生数 " + figures.get("students").asInt() + " 人");
        }
    }

    @Test
    void theR6StepOfTheFirstSampleReadsTheChineseFieldNameAndYuan() throws IOException {
        JsonNode trace = trace(evaluate("county-430503.json"), null);

        JsonNode s4 = steps(trace, "R6").stream().filter(s -> s.get("schoolId").asText().equals("S4")).findFirst()
                .orElseThrow();
        assertThat(s4.get("explanation").asText()).startsWith("檀江乡中心小学 小学 生均教学仪器设备值："
                        + "教学仪器设备值 810000 元，学生数 420 人；810000 / 420 = 1928.5714，要求 ≥2000；"
                        + "依据 resource-allocation.xlsx 工作表「资源配置标准」第 ")
                .endsWith(" 行；未达标，缺口 30000 元");
        assertThat(s4.get("figures").get("raw").decimalValue()).isEqualByComparingTo("810000");
        assertThat(s4.get("rule").get("sheet").asText()).isEqualTo("资源配置标准");
        assertThat(steps(trace, "R1").get(0).get("explanation").asText()).contains("高于规定学历教师数 ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"county-430503.json", "county-assessment-430503.json"})
    void noCellOfTheReportNamesAFieldInCamelCase(String sample) throws IOException {
        String id = evaluate(sample);
        ResponseEntity<byte[]> response = ApiClients.as(port, Role.AUDITOR).get()
                .uri("/api/v1/evaluations/" + id + "/report").retrieve().toEntity(byte[].class);
        assertThat(response.getStatusCode().value()).isEqualTo(200);

        try (XSSFWorkbook report = new XSSFWorkbook(new ByteArrayInputStream(response.getBody()))) {
            List<String> texts = new ArrayList<>();
            report.forEach(sheet -> sheet.forEach(row -> row.forEach(cell -> {
                if (cell.getCellType() == CellType.STRING) {
                    texts.add(cell.getStringCellValue());
                }
            })));
            assertThat(texts).isNotEmpty().noneMatch(text -> CAMEL_CASE.matcher(text).find());
            Row header = report.getSheet("全部检查").getRow(0);
            int field = column(header, "数据字段");
            List<String> r6Fields = new ArrayList<>();
            report.getSheet("全部检查").forEach(row -> {
                Cell indicator = row.getCell(4);
                Cell figure = row.getCell(field);
                if (indicator != null && indicator.getStringCellValue().equals("R6") && figure != null
                        && !figure.getStringCellValue().isEmpty()) {
                    r6Fields.add(figure.getStringCellValue());
                }
            });
            assertThat(r6Fields).isNotEmpty().containsOnly("教学仪器设备值（元）");
        }
    }

    @Test
    void theTraceIsEnglishWhenTheRequestAsksForIt() throws IOException {
        JsonNode trace = trace(evaluate("county-430503.json"), "en");

        JsonNode s4 = steps(trace, "R6").stream().filter(s -> s.get("schoolId").asText().equals("S4")).findFirst()
                .orElseThrow();
        assertThat(s4.get("explanation").asText())
                .contains("810000 / 420 = 1928.5714", "required ≥2000", "resource-allocation.xlsx", "failed",
                        "shortfall 30000")
                .doesNotContain("要求", "依据", "工作表", "未达标", "缺口", " 小学 ");
        for (JsonNode step : trace.get("checks")) {
            assertThat(step.get("explanation").asText()).as(step.toString())
                    .doesNotContain("要求", "依据", "工作表", "未达标", "不参加评估", "校际差异系数", "项指标中");
        }
        assertThat(s4.get("figures").get("field").asText()).isEqualTo("equipmentValueYuan");
    }

    private String evaluate(String sample) throws IOException {
        ResponseEntity<JsonNode> created = ApiClients.integratorKey(port).post().uri("/api/v1/evaluations")
                .contentType(MediaType.APPLICATION_JSON).body(Files.readString(Path.of("samples", sample)))
                .retrieve().toEntity(JsonNode.class);
        assertThat(created.getStatusCode().value()).isEqualTo(201);
        return created.getBody().get("id").asText();
    }

    private JsonNode trace(String id, String acceptLanguage) {
        var request = ApiClients.as(port, Role.AUDITOR).get().uri("/api/v1/evaluations/" + id + "/trace");
        if (acceptLanguage != null) {
            request.header(HttpHeaders.ACCEPT_LANGUAGE, acceptLanguage);
        }
        ResponseEntity<JsonNode> answer = request.retrieve().toEntity(JsonNode.class);
        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.CONTENT_LANGUAGE))
                .isEqualTo(acceptLanguage != null ? acceptLanguage : "zh-CN");
        return answer.getBody();
    }

    private static List<JsonNode> steps(JsonNode trace, String indicator) {
        List<JsonNode> steps = new ArrayList<>();
        trace.get("checks").forEach(step -> {
            if (step.get("kind").asText().equals("INDICATOR") && step.get("indicator").asText().equals(indicator)) {
                steps.add(step);
            }
        });
        return steps;
    }

    private static int column(Row header, String name) {
        for (Cell cell : header) {
            if (cell.getStringCellValue().equals(name)) {
                return cell.getColumnIndex();
            }
        }
        throw new AssertionError("no column " + name);
    }
}
