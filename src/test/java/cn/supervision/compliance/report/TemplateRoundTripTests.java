package cn.supervision.compliance.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.supervision.compliance.api.ApiClients;
import cn.supervision.compliance.facts.SchoolType;
import cn.supervision.compliance.facts.Stage;

/** The data clerk's path: download the template, fill it with POI, upload it, get the same evaluation as the JSON API. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:http-tests;DB_CLOSE_DELAY=-1")
public class TemplateRoundTripTests {

    /** Template columns in order, as JSON fields; the last three are whole-school totals. */
    private static final List<String> COLUMNS = List.of("id", "name", "type", "stage", "students", "qualifiedTeachers",
            "backboneTeachers", "peArtTeachers", "multimediaRooms", "teachingAreaM2", "sportsAreaM2",
            "equipmentValueYuan", "teachingAreaM2", "sportsAreaM2", "equipmentValueYuan");
    private static final int FIRST_TOTAL = 12;

    @LocalServerPort
    int port;

    @Autowired
    ObjectMapper mapper;

    private XSSFWorkbook template() throws IOException {
        ResponseEntity<byte[]> response = ApiClients.admin(port).get()
                .uri("/api/v1/rule-sets/balanced-development/template").retrieve().toEntity(byte[].class);
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        assertThat(response.getHeaders().getContentType()).hasToString(
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        return new XSSFWorkbook(new ByteArrayInputStream(response.getBody()));
    }

    private ResponseEntity<JsonNode> upload(XSSFWorkbook filled, String ruleSet) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        filled.write(bytes);
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("file", new ByteArrayResource(bytes.toByteArray()) {
            @Override
            public String getFilename() {
                return "county.xlsx";
            }
        });
        form.add("ruleSet", ruleSet);
        return ApiClients.admin(port).post().uri("/api/v1/evaluations").contentType(MediaType.MULTIPART_FORM_DATA)
                .body(form).retrieve().toEntity(JsonNode.class);
    }

    @Test
    void theTemplateHasChineseHeadersWithUnitsListsAndNumberChecks() throws IOException {
        try (XSSFWorkbook template = template()) {
            assertThat(List.of(template.getSheetName(0), template.getSheetName(1), template.getSheetName(2)))
                    .containsExactly("填写说明", "县区信息", "学校数据");
            String instructions = String.join("\n", ReportHttpTests.rows(template.getSheet("填写说明")).stream()
                    .map(r -> String.join("", r)).toList());
            assertThat(instructions).as("how a clerk uploads it: in the console, not over the API")
                    .contains("「数据填报」", "「选择文件」", "「上传并评估」").doesNotContain("POST", "/api/", "multipart");
            Sheet schools = template.getSheet("学校数据");
            List<String> headers = ReportHttpTests.rows(schools).get(0);
            assertThat(headers).startsWith("学校代码", "学校名称", "学校类型", "学段", "学生数（人）");
            assertThat(headers).contains("教学仪器设备值（元）", "全校教学仪器设备值（元）");
            List<? extends DataValidation> validations = schools.getDataValidations();
            assertThat(validations).anySatisfy(v -> assertThat(v.getValidationConstraint().getExplicitListValues())
                    .contains(SchoolType.NINE_YEAR.label(), SchoolType.TEACHING_POINT.label()));
            assertThat(validations).anySatisfy(v -> assertThat(v.getValidationConstraint().getExplicitListValues())
                    .containsExactly(Stage.PRIMARY.label(), Stage.JUNIOR.label(), Stage.SENIOR.label()));
            assertThat(validations).anyMatch(v -> v.getValidationConstraint().getValidationType()
                    == DataValidationConstraint.ValidationType.INTEGER);
            assertThat(validations).anyMatch(v -> v.getValidationConstraint().getValidationType()
                    == DataValidationConstraint.ValidationType.DECIMAL);
        }
    }

    @Test
    void aFilledTemplateGivesTheSameEvaluationAsTheJsonRequest() throws IOException {
        ObjectNode request = ApiClients.sample(mapper, "TPL-1");
        JsonNode fromJson = ApiClients.evaluate(ApiClients.admin(port), request);

        ResponseEntity<JsonNode> uploaded;
        try (XSSFWorkbook template = template()) {
            fill(template, request.get("subject"));
            uploaded = upload(template, "balanced-development");
        }

        assertThat(uploaded.getStatusCode().value()).as("%s", uploaded.getBody()).isEqualTo(201);
        JsonNode fromExcel = uploaded.getBody();
        assertThat(uploaded.getHeaders().getLocation()).hasToString(
                "/api/v1/evaluations/" + fromExcel.get("id").asText());
        assertThat(fromExcel.get("id")).isNotEqualTo(fromJson.get("id"));
        for (String field : List.of("passed", "subject", "ruleSetVersion", "jurisdiction", "summary", "sections",
                "excluded", "variation", "hints")) {
            assertThat(fromExcel.get(field)).as(field).isEqualTo(fromJson.get(field));
        }
    }

    @Test
    void everyBadCellIsReportedBySheetAndCell() throws IOException {
        ResponseEntity<JsonNode> response = uploadFilled("TPL-BAD", template -> {
            Sheet schools = template.getSheet("学校数据");
            schools.getRow(1).getCell(4).setCellValue("很多");          // E2: students of S1, not a number
            schools.getRow(4).getCell(2).setCellValue("大学");          // C5: not a school type
            schools.getRow(5).getCell(5).setCellValue(3.5);            // F6: half a teacher
        });

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(cells(response.getBody())).contains("学校数据!E2", "学校数据!C5", "学校数据!F6");
        assertThat(response.getBody().toString()).doesNotContain("Exception", "at cn.", "java.");
    }

    @Test
    void figuresRejectedByTheEvaluationArePlacedInTheirCells() throws IOException {
        ObjectNode request = ApiClients.sample(mapper, "TPL-RANGE");
        ResponseEntity<JsonNode> outOfRange;
        ResponseEntity<JsonNode> missing;
        try (XSSFWorkbook template = template()) {
            fill(template, request.get("subject"));
            template.getSheet("学校数据").getRow(1).getCell(4).setCellValue(0);  // E2: zero students
            template.getSheet("县区信息").getRow(3).getCell(1).setCellValue(1800); // B4: year out of range
            outOfRange = upload(template, "balanced-development");
        }
        try (XSSFWorkbook template = template()) {
            fill(template, request.get("subject"));
            template.getSheet("学校数据").getRow(1).getCell(8).setBlank();     // I2: multimedia rooms missing
            missing = upload(template, "balanced-development");
        }

        assertThat(outOfRange.getStatusCode().value()).isEqualTo(400);
        assertThat(cells(outOfRange.getBody())).contains("学校数据!E2", "县区信息!B4");
        assertThat(outOfRange.getBody().get("errors").findValuesAsText("field"))
                .contains("subject.schools[0].sections[0].students", "subject.year");
        assertThat(missing.getStatusCode().value()).isEqualTo(400);
        assertThat(cells(missing.getBody())).containsExactly("学校数据!I2");
    }

    @Test
    void badTextAndAnOutOfRangeFigureComeInOneAnswerInChinese() throws IOException {
        ResponseEntity<JsonNode> response = uploadFilled("TPL-THREE", TemplateRoundTripTests::writeThreeBadCells);

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        JsonNode problem = response.getBody();
        assertThat(cells(problem)).containsExactlyInAnyOrder("县区信息!B4", "学校数据!L4", "学校数据!E2");
        assertThat(problem.get("errors").findValuesAsText("message")).containsExactlyInAnyOrder(
                "评估年度：“2026年”不是数字", "教学仪器设备值（元）：“八十万”不是数字", "学生数（人）：必须大于 0");
        assertThat(problem.get("detail").asText()).startsWith("县区信息!B4：评估年度：“2026年”不是数字").endsWith("（另有 2 处）");
        assertThat(ApiClients.admin(port).get().uri("/api/v1/evaluations?countyCode=TPL-THREE").retrieve()
                .body(JsonNode.class).get("total").asLong()).as("nothing stored").isZero();
    }

    @Test
    void somethingElseThanAWorkbookIsA400Problem() throws IOException {
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("file", new ByteArrayResource("not a workbook".getBytes()) {
            @Override
            public String getFilename() {
                return "county.xlsx";
            }
        });
        form.add("ruleSet", "balanced-development");
        ResponseEntity<JsonNode> response = ApiClients.admin(port).post().uri("/api/v1/evaluations")
                .contentType(MediaType.MULTIPART_FORM_DATA).body(form).retrieve().toEntity(JsonNode.class);

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getBody().get("errors").findValuesAsText("field")).containsExactly("file");
    }

    @Test
    void aRuleSetWithoutATemplateIsA404() {
        ResponseEntity<JsonNode> response = ApiClients.admin(port).get().uri("/api/v1/rule-sets/no-such-set/template")
                .retrieve().toEntity(JsonNode.class);
        assertThat(response.getStatusCode().value()).isEqualTo(404);
    }

    /** The sample county under another code, filled into the template, edited, and uploaded. */
    private ResponseEntity<JsonNode> uploadFilled(String countyCode, Consumer<XSSFWorkbook> edit) throws IOException {
        try (XSSFWorkbook template = template()) {
            fill(template, ApiClients.sample(mapper, countyCode).get("subject"));
            edit.accept(template);
            return upload(template, "balanced-development");
        }
    }

    /** The three bad cells of issue 15, each of another kind: text, a figure in words, a figure out of range. */
    public static void writeThreeBadCells(XSSFWorkbook filled) {
        filled.getSheet("县区信息").getRow(3).getCell(1).setCellValue("2026年");   // B4: the year as text
        filled.getSheet("学校数据").getRow(3).getCell(11).setCellValue("八十万");   // L4: equipment in words
        filled.getSheet("学校数据").getRow(1).getCell(4).setCellValue(0);         // E2: no students
    }

    private static List<String> cells(JsonNode problem) {
        List<String> cells = new ArrayList<>();
        problem.get("errors").forEach(e -> cells.add(e.path("sheet").asText() + "!" + e.path("cell").asText()));
        return cells;
    }

    /** Writes the county into the template as a clerk would: one row per section, whole-school totals once. */
    public static void fill(XSSFWorkbook template, JsonNode county) {
        Sheet info = template.getSheet("县区信息");
        info.getRow(1).createCell(1).setCellValue(county.get("countyCode").asText());
        info.getRow(2).createCell(1).setCellValue(county.get("countyName").asText());
        info.getRow(3).createCell(1).setCellValue(county.get("year").asInt());
        Sheet schools = template.getSheet("学校数据");
        int r = 1;
        for (JsonNode school : county.get("schools")) {
            boolean first = true;
            for (JsonNode section : school.get("sections")) {
                Row row = schools.createRow(r++);
                for (int c = 0; c < COLUMNS.size(); c++) {
                    String field = COLUMNS.get(c);
                    JsonNode value = c < 3 ? school.get(field) : c < FIRST_TOTAL ? section.get(field)
                            : first ? school.get(field) : null;
                    if (value == null || value.isNull()) {
                        row.createCell(c);
                    } else if (field.equals("type")) {
                        row.createCell(c).setCellValue(SchoolType.valueOf(value.asText()).label());
                    } else if (field.equals("stage")) {
                        row.createCell(c).setCellValue(Stage.valueOf(value.asText()).label());
                    } else if (value.isNumber()) {
                        row.createCell(c).setCellValue(value.doubleValue());
                    } else {
                        row.createCell(c).setCellValue(value.asText());
                    }
                }
                first = false;
            }
        }
    }
}
