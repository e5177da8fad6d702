package cn.supervision.compliance.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.STCellType;
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
import cn.supervision.compliance.balanced.AssessmentInput;
import cn.supervision.compliance.facts.SchoolType;
import cn.supervision.compliance.facts.Stage;

/** The data clerk's path: download the template, fill it with POI, upload it, get the same evaluation as the JSON API. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:http-tests;DB_CLOSE_DELAY=-1")
public class TemplateRoundTripTests {

    /** Template columns of 学校数据 in order, as JSON fields, with where each sits: S school, X section, T total. */
    private static final List<String> COLUMNS = List.of("id", "name", "type", "stage", "students", "qualifiedTeachers",
            "backboneTeachers", "peArtTeachers", "multimediaRooms", "teachingAreaM2", "sportsAreaM2",
            "equipmentValueYuan", "teachingAreaM2", "sportsAreaM2", "equipmentValueYuan", "classes", "maxClassSize",
            "staffQuota", "publicFundingYuan", "village", "trainingBudgetYuan", "fullTimeTeachers",
            "certifiedTeachers");
    private static final String LEVELS = "SSSXXXXXXXXXTTTXXXXTTTT";

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

        ResponseEntity<JsonNode> uploaded = uploadFilled(request.get("subject"), template -> { });

        assertThat(uploaded.getStatusCode().value()).as("%s", uploaded.getBody()).isEqualTo(201);
        JsonNode fromExcel = uploaded.getBody();
        assertThat(uploaded.getHeaders().getLocation()).hasToString(
                "/api/v1/evaluations/" + fromExcel.get("id").asText());
        assertThat(fromExcel.get("id")).isNotEqualTo(fromJson.get("id"));
        for (String field : List.of("passed", "subject", "ruleSetVersion", "jurisdiction", "summary", "sections",
                "excluded", "variation", "hints")) {
            assertThat(fromExcel.get(field)).as(field).isEqualTo(fromJson.get(field));
        }
        assertThat(fromExcel.get("scope").asText()).as("assessment sheets left blank").isEqualTo("RESOURCE_ALLOCATION");
    }

    @Test
    void theWholeAssessmentFilledInGivesTheSameDecisionAsTheJsonSample() throws IOException {
        ObjectNode request = fullSample("TPL-FULL");
        JsonNode fromJson = ApiClients.evaluate(ApiClients.admin(port), request);

        ResponseEntity<JsonNode> uploaded = uploadFilled(request.get("subject"), template -> { });

        assertThat(uploaded.getStatusCode().value()).as("%s", uploaded.getBody()).isEqualTo(201);
        JsonNode fromExcel = uploaded.getBody();
        assertThat(fromExcel.get("scope").asText()).isEqualTo("FULL_ASSESSMENT");
        assertThat(fromExcel.at("/decision/outcome").asText()).isEqualTo("RECOGNISED");
        for (String field : List.of("scope", "decision", "grade", "checks", "assessment", "passed", "summary",
                "subject", "sections", "excluded", "variation")) {
            assertThat(fromExcel.get(field)).as(field).isEqualTo(fromJson.get(field));
        }
    }

    @Test
    void theAssessmentSheetsListTheRuleSetsItemsWithListsHintsAndProtection() throws IOException {
        try (XSSFWorkbook template = template()) {
            assertThat(template.getSheetName(3)).isEqualTo("专用教室");
            assertThat(List.of(template.getSheetName(4), template.getSheetName(5), template.getSheetName(6),
                    template.getSheetName(7))).containsExactly("县域评估数据", "教育经费", "B类指标评分", "一票否决");
            List<List<String>> scores = ReportHttpTests.rows(template.getSheet("B类指标评分"));
            assertThat(scores.get(0)).containsExactly("指标代码", "指标名称", "子项序号", "子项内容", "满分", "得分");
            assertThat(scores.stream().filter(r -> r.get(0).equals("G08")).count()).as("G08 has four sub-items")
                    .isEqualTo(4);
            assertThat(scores.stream().skip(1).map(r -> r.get(0)).distinct())
                    .containsExactly("G08", "G09", "G23", "Q27", "Q29", "Q30", "Q32", "Q33", "Q34", "Q35");
            List<List<String>> veto = ReportHttpTests.rows(template.getSheet("一票否决"));
            assertThat(veto.stream().skip(1).map(r -> r.get(0))).containsExactlyInAnyOrder("EXAM_ADMISSION",
                    "ILLEGAL_SCHOOL_CHOICE", "KEY_SCHOOLS_OR_CLASSES", "FRAUD", "MAJOR_SAFETY_ACCIDENT");
            assertThat(template.getSheet("一票否决").getDataValidations()).allSatisfy(v -> assertThat(
                    v.getValidationConstraint().getExplicitListValues()).containsExactly("是", "否"));
            Sheet figures = template.getSheet("县域评估数据");
            assertThat(ReportHttpTests.rows(figures).stream().map(r -> r.get(0)))
                    .contains("教师 5 年 360 学时培训完成率（%）");
            assertThat(figures.getDataValidations()).anySatisfy(v -> {
                assertThat(v.getValidationConstraint().getFormula2()).isEqualTo("100");
                assertThat(v.getPromptBoxText()).isEqualTo("请填写 0 至 100 之间的数");
            });
            for (String name : List.of("县区信息", "县域评估数据", "B类指标评分", "一票否决")) {
                Sheet sheet = template.getSheet(name);
                assertThat(sheet.getProtect()).as(name).isTrue();
                assertThat(sheet.getRow(0).getCell(0).getCellStyle().getLocked()).as(name).isTrue();
                assertThat(sheet.getRow(1).getCell(name.equals("B类指标评分") ? 5 : name.equals("一票否决") ? 3 : 1)
                        .getCellStyle().getLocked()).as(name).isFalse();
            }
            assertThat(template.getSheet("学校数据").getProtect()).as("rows may be added").isFalse();
        }
    }

    @Test
    void badCellsOfTheAssessmentSheetsComeInOneAnswerWithTheResourceSheets() throws IOException {
        ObjectNode request = fullSample("TPL-FULL-BAD");
        ResponseEntity<JsonNode> response;
        try (XSSFWorkbook template = template()) {
            fill(template, request.get("subject"));
            template.getSheet("学校数据").getRow(1).getCell(4).setCellValue("很多");        // E2: not a number
            Sheet figures = template.getSheet("县域评估数据");
            figures.getRow(FIGURES.indexOf("trainingCompletionPct") + 1).getCell(1).setCellValue(120); // above 100
            figures.getRow(FIGURES.indexOf("unifiedStandards") + 1).getCell(1).setCellValue("也许");   // not 是/否
            template.getSheet("B类指标评分").getRow(6).getCell(5).setBlank();        // G09 sub-item 2 left blank
            template.getSheet("一票否决").getRow(1).getCell(3).setCellValue("没有");  // not 是/否
            template.getSheet("专用教室").getRow(1).getCell(0).setCellValue("NO-SUCH-SCHOOL");
            response = upload(template, "balanced-development");
        }

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        int training = FIGURES.indexOf("trainingCompletionPct") + 2;
        int unified = FIGURES.indexOf("unifiedStandards") + 2;
        assertThat(cells(response.getBody())).containsExactlyInAnyOrder("学校数据!E2", "县域评估数据!B" + training,
                "县域评估数据!B" + unified, "B类指标评分!F7", "一票否决!D2", "专用教室!A2");
        assertThat(response.getBody().get("errors").findValuesAsText("message")).contains(
                "是否统一城乡学校建设等标准：“也许”不是“是”或“否”，请从下拉列表中选择",
                "G09 第 2 子项得分：指标 G09 的各子项应全部评分（或全部留空）");
        assertThat(response.getBody().get("errors").findValuesAsText("field"))
                .contains("subject.assessment.trainingCompletionPct");

        ResponseEntity<JsonNode> overMaximum;
        try (XSSFWorkbook template = template()) {
            fill(template, request.get("subject"));
            template.getSheet("B类指标评分").getRow(1).getCell(5).setCellValue(99);   // G08 sub-item 1 above its maximum
            overMaximum = upload(template, "balanced-development");
        }
        assertThat(overMaximum.getStatusCode().value()).isEqualTo(400);
        assertThat(cells(overMaximum.getBody())).containsExactly("B类指标评分!F2");
        assertThat(overMaximum.getBody().get("errors").findValuesAsText("field"))
                .containsExactly("subject.assessment.scores.G08[0]");
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

    /**
     * The service does not calculate: a formula without the value Excel saved with it was read as 0 (31 teachers
     * became 0 and R1 failed), a text formula as its source. Both are refused naming their cell; a formula Excel
     * computed counts with its saved value.
     */
    @Test
    void aFormulaWithoutItsValueOrGivingTextIsRefusedByCell() throws IOException {
        ResponseEntity<JsonNode> response = uploadFilled("TPL-FORMULA", template -> {
            Sheet schools = template.getSheet("学校数据");
            XSSFCell uncomputed = (XSSFCell) schools.getRow(1).getCell(5);     // F2: qualified teachers of S1
            uncomputed.setCellFormula("30+1");
            if (uncomputed.getCTCell().isSetV()) {
                uncomputed.getCTCell().unsetV();
            }
            XSSFCell text = (XSSFCell) schools.getRow(2).getCell(6);           // G3: backbone teachers
            text.setCellFormula("\"三\"&\"人\"");
            text.getCTCell().setT(STCellType.STR);
            text.getCTCell().setV("三人");
            XSSFCell computed = (XSSFCell) schools.getRow(3).getCell(6);       // G4: computed, kept
            double saved = computed.getNumericCellValue();
            computed.setCellFormula(((long) saved) + "+0");
            computed.getCTCell().setV(String.valueOf((long) saved));
        });

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(cells(response.getBody())).containsExactlyInAnyOrder("学校数据!F2", "学校数据!G3");
        assertThat(response.getBody().get("errors").findValuesAsText("message")).anySatisfy(
                m -> assertThat(m).contains("=30+1", "没有计算结果")).anySatisfy(m -> assertThat(m).contains("文字"));
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
        return uploadFilled(ApiClients.sample(mapper, countyCode).get("subject"), edit);
    }

    private ResponseEntity<JsonNode> uploadFilled(JsonNode county, Consumer<XSSFWorkbook> edit) throws IOException {
        try (XSSFWorkbook template = template()) {
            fill(template, county);
            edit.accept(template);
            return upload(template, "balanced-development");
        }
    }

    /** The complete county of the 36-indicator assessment (recognised, 良好) under another county code. */
    private ObjectNode fullSample(String countyCode) throws IOException {
        ObjectNode request = (ObjectNode) mapper.readTree(Files.readString(Path.of("samples/county-assessment-430503.json")));
        ((ObjectNode) request.get("subject")).put("countyCode", countyCode);
        return request;
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

    /**
     * Writes the county into the template as a clerk would: one row per section, whole-school figures once, a row
     * per special room, and the assessment (when the county has one) on its sheets, found by their labels and codes.
     */
    public static void fill(XSSFWorkbook template, JsonNode county) {
        Sheet info = template.getSheet("县区信息");
        info.getRow(1).createCell(1).setCellValue(county.get("countyCode").asText());
        info.getRow(2).createCell(1).setCellValue(county.get("countyName").asText());
        info.getRow(3).createCell(1).setCellValue(county.get("year").asInt());
        Sheet schools = template.getSheet("学校数据");
        Sheet rooms = template.getSheet("专用教室");
        int r = 1;
        int roomRow = 1;
        for (JsonNode school : county.get("schools")) {
            boolean first = true;
            for (JsonNode section : school.get("sections")) {
                Row row = schools.createRow(r++);
                for (int c = 0; c < COLUMNS.size(); c++) {
                    char level = LEVELS.charAt(c);
                    JsonNode value = level == 'X' ? section.get(COLUMNS.get(c))
                            : level == 'S' || first ? school.get(COLUMNS.get(c)) : null;
                    write(row, c, COLUMNS.get(c), value);
                }
                first = false;
            }
            JsonNode music = school.path("musicRoomAreasM2");
            JsonNode art = school.path("artRoomAreasM2");
            for (int i = 0; i < Math.max(music.size(), art.size()); i++) {
                Row row = rooms.createRow(roomRow++);
                row.createCell(0).setCellValue(school.get("id").asText());
                write(row, 1, "area", music.get(i));
                write(row, 2, "area", art.get(i));
            }
        }
        if (county.has("assessment")) {
            fillAssessment(template, county.get("assessment"));
        }
    }

    private static void fillAssessment(XSSFWorkbook template, JsonNode assessment) {
        Sheet figures = template.getSheet("县域评估数据");
        for (int r = 1; r <= figures.getLastRowNum(); r++) {
            String path = FIGURES.get(r - 1);
            JsonNode value = assessment;
            for (String name : path.split("\\.")) {
                value = value.path(name);
            }
            write(figures.getRow(r), 1, path, value.isMissingNode() ? null : value);
        }
        Sheet spending = template.getSheet("教育经费");
        int r = 1;
        for (JsonNode year : assessment.path("spending")) {
            Row row = spending.createRow(r++);
            write(row, 0, "year", year.get("year"));
            write(row, 1, "generalBudgetEducationYuan", year.get("generalBudgetEducationYuan"));
            write(row, 2, "perStudentYuan", year.get("perStudentYuan"));
        }
        Sheet scores = template.getSheet("B类指标评分");
        for (int s = 1; s <= scores.getLastRowNum(); s++) {
            Row row = scores.getRow(s);
            JsonNode given = assessment.path("scores").path(row.getCell(0).getStringCellValue())
                    .get((int) row.getCell(2).getNumericCellValue() - 1);
            write(row, 5, "score", given);
        }
        Sheet veto = template.getSheet("一票否决");
        for (int v = 1; v <= veto.getLastRowNum(); v++) {
            Row row = veto.getRow(v);
            write(row, 3, "veto", assessment.path("veto").get(row.getCell(0).getStringCellValue()));
        }
    }

    /** The county figures of 县域评估数据, row by row, as paths under {@code subject.assessment}. */
    private static final List<String> FIGURES = RecordField.of(AssessmentInput.class)
            .stream().map(RecordField::path).toList();

    private static void write(Row row, int c, String field, JsonNode value) {
        if (value == null || value.isNull()) {
            row.createCell(c);
        } else if (field.equals("type")) {
            row.createCell(c).setCellValue(SchoolType.valueOf(value.asText()).label());
        } else if (field.equals("stage")) {
            row.createCell(c).setCellValue(Stage.valueOf(value.asText()).label());
        } else if (value.isBoolean()) {
            row.createCell(c).setCellValue(value.asBoolean() ? "是" : "否");
        } else if (value.isNumber()) {
            row.createCell(c).setCellValue(value.doubleValue());
        } else {
            row.createCell(c).setCellValue(value.asText());
        }
    }
}
