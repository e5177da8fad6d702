package cn.supervision.compliance.checkrows;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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
import cn.supervision.compliance.checkrows.SubjectField.ListField;
import cn.supervision.compliance.curriculum.CurriculumSubject;
import cn.supervision.compliance.targets.DistrictSubject;

/**
 * The clerk's path for the check-row rule sets: download the template over HTTP, fill it with POI from the JSON
 * sample's values, upload it, and get the same checks and verdicts as posting the sample; a bad cell is a 400 problem
 * naming sheet and cell; every sheet prints on A4 landscape with its headings repeated.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:subject-template-tests;DB_CLOSE_DELAY=-1")
class SubjectTemplateHttpTests {

    @LocalServerPort
    int port;

    @Autowired
    ObjectMapper mapper;

    /**
     * A district's jurisdiction is not chosen at upload: its code (110115) places it under daxing, as the sample's
     * JSON names it; a school has no division code, so its jurisdiction is chosen.
     */
    @ParameterizedTest
    @CsvSource({"curriculum, school-curriculum.json, daxing", "district-targets, district-daxing.json, ''"})
    void aTemplateFilledFromTheSampleGivesTheSameChecksAsTheSample(String ruleSet, String sample, String jurisdiction)
            throws IOException {
        ObjectNode request = (ObjectNode) mapper.readTree(Files.readString(Path.of("samples", sample)));
        JsonNode fromJson = ApiClients.evaluate(ApiClients.admin(port), request);

        ResponseEntity<JsonNode> uploaded;
        try (XSSFWorkbook template = template(ruleSet)) {
            fill(template, subjectType(ruleSet), request.get("subject"));
            uploaded = upload(template, ruleSet, jurisdiction);
        }

        assertThat(uploaded.getStatusCode().value()).as("%s", uploaded.getBody()).isEqualTo(201);
        JsonNode fromExcel = uploaded.getBody();
        assertThat(fromExcel.get("checks")).isNotEmpty();
        for (String field : List.of("passed", "subject", "ruleSetVersion", "jurisdiction", "summary", "checks")) {
            assertThat(fromExcel.get(field)).as(field).isEqualTo(fromJson.get(field));
        }
    }

    @ParameterizedTest
    @CsvSource({"curriculum", "district-targets"})
    void everySheetPrintsOnA4LandscapeWithItsHeadingsOnEveryPage(String ruleSet) throws IOException {
        try (XSSFWorkbook template = template(ruleSet)) {
            assertThat(template.getNumberOfSheets()).isGreaterThanOrEqualTo(3);
            for (Sheet sheet : template) {
                PrintSetup print = sheet.getPrintSetup();
                assertThat(print.getLandscape()).as(sheet.getSheetName()).isTrue();
                assertThat(print.getPaperSize()).as(sheet.getSheetName()).isEqualTo(PrintSetup.A4_PAPERSIZE);
                assertThat(print.getFitWidth()).as(sheet.getSheetName()).isEqualTo((short) 1);
                assertThat(sheet.getRepeatingRows()).as(sheet.getSheetName()).isNotNull();
                assertThat(sheet.getRepeatingRows().getFirstRow()).isZero();
            }
            Sheet figures = template.getSheet("基本数据");
            assertThat(texts(figures.getRow(0))).containsExactly("项目", "单位", "填写内容", "示例", "填写提示");
            assertThat(figures.getDataValidations()).isNotEmpty();
            assertThat(template.getSheet("辖区对照").getLastRowNum()).as("jurisdictions with a prefix").isPositive();
        }
    }

    @ParameterizedTest
    @CsvSource({"curriculum, school-curriculum.json", "district-targets, district-daxing.json"})
    void everyBadCellIsA400ProblemNamingSheetAndCell(String ruleSet, String sample) throws IOException {
        ObjectNode request = (ObjectNode) mapper.readTree(Files.readString(Path.of("samples", sample)));
        ResponseEntity<JsonNode> response;
        String listSheet;
        try (XSSFWorkbook template = template(ruleSet)) {
            fill(template, subjectType(ruleSet), request.get("subject"));
            Sheet figures = template.getSheet("基本数据");
            figures.getRow(3).getCell(2).setCellValue("很多");                 // C4, the year: not a number
            Cell formula = figures.getRow(4).getCell(2);                      // C5: a formula without its value
            formula.setBlank();
            formula.setCellFormula("1+1");
            ListField first = SubjectField.lists(subjectType(ruleSet)).get(0);
            listSheet = SubjectTemplate.sheetOf(first);
            template.getSheet(listSheet).getRow(2).getCell(1).setCellValue("不知道"); // B3 of the first list
            response = upload(template, ruleSet, "daxing");
        }

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
        List<String> cells = new ArrayList<>();
        response.getBody().get("errors").forEach(e -> cells.add(e.path("sheet").asText() + "!" + e.path("cell")
                .asText()));
        assertThat(cells).as("%s", response.getBody()).contains("基本数据!C4", "基本数据!C5", listSheet + "!B3");
        assertThat(response.getBody().toString()).contains("很多", "不知道").doesNotContain("Exception", "at cn.");
    }

    private static Class<?> subjectType(String ruleSet) {
        return ruleSet.equals("curriculum") ? CurriculumSubject.class : DistrictSubject.class;
    }

    private XSSFWorkbook template(String ruleSet) throws IOException {
        ResponseEntity<byte[]> response = ApiClients.admin(port).get()
                .uri("/api/v1/rule-sets/{ruleSet}/template", ruleSet).retrieve().toEntity(byte[].class);
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        return new XSSFWorkbook(new ByteArrayInputStream(response.getBody()));
    }

    private ResponseEntity<JsonNode> upload(XSSFWorkbook filled, String ruleSet, String jurisdiction)
            throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        filled.write(bytes);
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("file", new ByteArrayResource(bytes.toByteArray()) {
            @Override
            public String getFilename() {
                return ruleSet + ".xlsx";
            }
        });
        form.add("ruleSet", ruleSet);
        if (!jurisdiction.isEmpty()) {
            form.add("jurisdiction", jurisdiction);
        }
        return ApiClients.admin(port).post().uri("/api/v1/evaluations").contentType(MediaType.MULTIPART_FORM_DATA)
                .body(form).retrieve().toEntity(JsonNode.class);
    }

    /** Types the subject's values as a clerk would: each figure in its row, each list element in a row of its sheet. */
    private static void fill(XSSFWorkbook template, Class<?> type, JsonNode subject) {
        Sheet figures = template.getSheet("基本数据");
        List<SubjectField> fields = SubjectField.scalars(type);
        for (int i = 0; i < fields.size(); i++) {
            SubjectField field = fields.get(i);
            Row row = figures.getRow(i + 1);
            assertThat(row.getCell(0).getStringCellValue()).isEqualTo(field.name().name());
            type(row.getCell(2), field, subject.at("/" + field.path().replace('.', '/')));
        }
        for (ListField list : SubjectField.lists(type)) {
            Sheet sheet = template.getSheet(SubjectTemplate.sheetOf(list));
            assertThat(texts(sheet.getRow(0))).containsExactlyElementsOf(
                    list.columns().stream().map(SubjectField::label).toList());
            int r = SubjectTemplate.LIST_FIRST_ROW;
            for (JsonNode element : subject.path(list.field())) {
                Row row = sheet.createRow(r++);
                for (int c = 0; c < list.columns().size(); c++) {
                    SubjectField column = list.columns().get(c);
                    type(row.createCell(c), column, element.at("/" + column.path()));
                }
            }
        }
    }

    private static void type(Cell cell, SubjectField field, JsonNode value) {
        if (value.isMissingNode() || value.isNull()) {
            return;
        }
        if (value.isNumber()) {
            cell.setCellValue(value.doubleValue());
        } else if (value.isBoolean()) {
            cell.setCellValue(value.booleanValue() ? "是" : "否");
        } else if (value.isArray()) {
            cell.setCellValue(StreamSupport.stream(value.spliterator(), false).map(v -> field.labelOf(v.asText()))
                    .collect(Collectors.joining("、")));
        } else {
            cell.setCellValue(field.choices() == null ? value.asText() : field.labelOf(value.asText()));
        }
    }

    private static List<String> texts(Row row) {
        List<String> texts = new ArrayList<>();
        row.forEach(c -> texts.add(c.getStringCellValue()));
        return texts;
    }
}
