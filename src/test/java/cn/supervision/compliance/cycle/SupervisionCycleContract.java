package cn.supervision.compliance.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.supervision.compliance.api.ApiClients;

/**
 * The supervision cycle over real HTTP (issue 24): submit → return with a cell comment → resubmit → approve → the
 * official evaluation and its rectification items with departments and deadlines; an item submitted with evidence and
 * closed; a later year's official evaluation closing the items whose checks pass; reviewers outside the node refused.
 * Run on H2 and on PostgreSQL by the subclasses; each test uses county codes of its own.
 */
abstract class SupervisionCycleContract {

    private static final String SUBMISSIONS = "/api/v1/submissions";

    @LocalServerPort
    int port;

    @Autowired
    ObjectMapper mapper;

    @Test
    void aSubmissionIsReturnedCorrectedApprovedAndItsShortfallsBecomeRectificationItems() throws IOException {
        String code = "431103-" + getClass().getSimpleName().substring(0, 2) + "-A";
        RestClient clerk = CycleClients.clerk(port);
        RestClient checker = CycleClients.checker(port);

        ResponseEntity<JsonNode> created = CycleClients.post(clerk, SUBMISSIONS, county(code, 2025));
        assertThat(created.getStatusCode().value()).as("%s", created.getBody()).isEqualTo(201);
        JsonNode submission = created.getBody();
        String id = submission.get("id").asText();
        assertThat(created.getHeaders().getLocation()).hasToString(SUBMISSIONS + "/" + id);
        assertThat(submission.get("status").asText()).isEqualTo("submitted");
        assertThat(submission.get("subject").get("code").asText()).isEqualTo(code);
        assertThat(submission.get("subject").get("year").asInt()).isEqualTo(2025);
        String first = submission.get("evaluation").get("id").asText();
        assertThat(submission.get("evaluation").get("passed").asBoolean()).isFalse();

        ObjectNode returned = mapper.createObjectNode().put("comment", "檀江乡中心小学仪器设备值请核实");
        returned.putArray("comments")
                .add(mapper.createObjectNode().put("sheet", "学校数据").put("cell", "J5").put("message", "请核实"))
                .add(mapper.createObjectNode().put("field", "subject.schools[3].sections[0].equipmentValueYuan")
                        .put("message", "与资产台账不一致"));
        JsonNode afterReturn = CycleClients.post(checker, SUBMISSIONS + "/" + id + "/return", returned).getBody();
        assertThat(afterReturn.get("status").asText()).isEqualTo("returned");
        JsonNode returnStep = afterReturn.get("steps").get(1);
        assertThat(returnStep.get("action").asText()).isEqualTo("returned");
        assertThat(returnStep.get("actor").asText()).isEqualTo("checker");
        assertThat(returnStep.get("comments").get(0).get("cell").asText()).isEqualTo("J5");
        assertThat(returnStep.get("comments").get(0).get("sheet").asText()).isEqualTo("学校数据");

        assertThat(CycleClients.post(checker, SUBMISSIONS + "/" + id + "/approve", Map.of()).getStatusCode().value())
                .as("a returned submission cannot be approved").isEqualTo(409);

        ObjectNode corrected = county(code, 2025);
        firstSection(corrected, "S1").put("multimediaRooms", 17);
        ResponseEntity<JsonNode> resubmitted = CycleClients.put(clerk, SUBMISSIONS + "/" + id, corrected);
        assertThat(resubmitted.getStatusCode().value()).as("%s", resubmitted.getBody()).isEqualTo(200);
        String second = resubmitted.getBody().get("evaluation").get("id").asText();
        assertThat(second).isNotEqualTo(first);
        assertThat(resubmitted.getBody().get("status").asText()).isEqualTo("submitted");

        JsonNode approved = CycleClients.post(checker, SUBMISSIONS + "/" + id + "/approve",
                Map.of("comment", "同意")).getBody();
        assertThat(approved.get("status").asText()).isEqualTo("approved");
        assertThat(approved.get("officialEvaluation").asText()).isEqualTo(second);
        assertThat(approved.get("steps").findValuesAsText("action"))
                .containsExactly("submitted", "returned", "resubmitted", "approved");
        assertThat(approved.get("steps").findValuesAsText("actor"))
                .containsExactly("clerk", "checker", "clerk", "checker");

        JsonNode listed = CycleClients.get(clerk, SUBMISSIONS + "?status=approved&code=" + code);
        assertThat(listed.get("items").findValuesAsText("id")).containsExactly(id);

        JsonNode items = CycleClients.get(checker, "/api/v1/rectifications?code=" + code).get("items");
        JsonNode hints = approved.get("evaluation").get("hints");
        assertThat(items).hasSize(hints.size());
        Set<String> hinted = new HashSet<>();
        hints.forEach(h -> hinted.add(h.get("indicator").asText() + "/" + h.get("subject").asText()));
        Set<String> opened = new HashSet<>();
        items.forEach(i -> opened.add(i.get("indicator").asText() + "/" + i.get("subject").asText()));
        assertThat(opened).isEqualTo(hinted);
        JsonNode r6 = item(items, "R6", "S4");
        assertThat(r6.get("status").asText()).isEqualTo("open");
        assertThat(r6.get("openedBy").asText()).isEqualTo(second);
        assertThat(r6.get("shortfall").decimalValue()).isEqualByComparingTo("30000");
        assertThat(r6.get("unit").asText()).isEqualTo("元");
        assertThat(r6.get("departments").size()).isPositive();
        assertThat(r6.get("measures").asText()).isNotBlank();
        assertThat(r6.get("office").asText()).isNotBlank();
        assertThat(LocalDate.parse(r6.get("deadline").asText()))
                .isEqualTo(LocalDate.now(ZoneId.of("Asia/Shanghai")).plusMonths(termMonths("R6")));
        assertThat(r6.get("overdue").asBoolean()).isFalse();

        String itemId = r6.get("id").asText();
        assertThat(CycleClients.post(checker, "/api/v1/rectifications/" + itemId + "/close", Map.of())
                .getStatusCode().value()).as("an open item is not closed before it is submitted").isEqualTo(409);
        JsonNode moving = CycleClients.post(clerk, "/api/v1/rectifications/" + itemId + "/progress",
                Map.of("status", "in-progress", "explanation", "已列入年度采购计划")).getBody();
        assertThat(moving.get("status").asText()).isEqualTo("in-progress");

        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("status", "submitted");
        parts.add("explanation", "已采购教学仪器 3 万元，附验收单");
        parts.add("file", file("验收单.png", png()));
        JsonNode submitted = clerk.post().uri("/api/v1/rectifications/" + itemId + "/progress")
                .contentType(MediaType.MULTIPART_FORM_DATA).body(parts).retrieve().body(JsonNode.class);
        assertThat(submitted.get("status").asText()).isEqualTo("submitted");
        assertThat(submitted.get("evidence").get(0).get("fileName").asText()).isEqualTo("验收单.png");
        assertThat(submitted.get("evidence").get(0).get("mediaType").asText()).isEqualTo("image/png");

        JsonNode closed = CycleClients.post(checker, "/api/v1/rectifications/" + itemId + "/close",
                Map.of("comment", "材料齐全，同意销号")).getBody();
        assertThat(closed.get("status").asText()).isEqualTo("closed");
        assertThat(closed.get("steps").findValuesAsText("status"))
                .containsExactly("open", "in-progress", "submitted", "closed");
        assertThat(closed.get("steps").get(3).get("actor").asText()).isEqualTo("checker");

        byte[] ledger = checker.get().uri("/api/v1/rectifications/ledger?code=" + code).retrieve().body(byte[].class);
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(ledger))) {
            Sheet sheet = workbook.getSheet("整改台账");
            assertThat(sheet.getLastRowNum()).isEqualTo(items.size());
            DataFormatter text = new DataFormatter();
            List<String> header = new ArrayList<>();
            sheet.getRow(0).forEach(c -> header.add(text.formatCellValue(c)));
            assertThat(header).contains("整改措施", "责任部门", "整改期限", "状态");
            List<String> statuses = new ArrayList<>();
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                statuses.add(text.formatCellValue(sheet.getRow(r).getCell(header.indexOf("状态"))));
            }
            assertThat(statuses).contains("已销号", "待整改");
        }
    }

    @Test
    void anEvidenceFileThatIsNoImageOrPdfIsRefusedNamingTheFile() throws IOException {
        String code = "431103-" + getClass().getSimpleName().substring(0, 2) + "-E";
        String itemId = approvedItems(code, county(code, 2025)).get(0).get("id").asText();
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("status", "submitted");
        parts.add("explanation", "见附件");
        parts.add("file", file("run.exe", "MZ not a picture".getBytes()));
        ResponseEntity<JsonNode> refused = CycleClients.clerk(port).post()
                .uri("/api/v1/rectifications/" + itemId + "/progress").contentType(MediaType.MULTIPART_FORM_DATA)
                .body(parts).retrieve().toEntity(JsonNode.class);
        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(refused.getBody().toString()).contains("run.exe").contains("file[0]");
    }

    @Test
    void aLaterYearsOfficialEvaluationClosesTheItemsWhoseChecksNowPass() throws IOException {
        String code = "431103-" + getClass().getSimpleName().substring(0, 2) + "-Y";
        JsonNode firstYear = approvedItems(code, county(code, 2025));
        JsonNode r6 = item(firstYear, "R6", "S4");

        ObjectNode nextYear = county(code, 2026);
        firstSection(nextYear, "S4").put("equipmentValueYuan", new java.math.BigDecimal("900000.0"));
        JsonNode official = approve(nextYear);

        JsonNode after = CycleClients.get(CycleClients.checker(port), "/api/v1/rectifications/" + r6.get("id").asText());
        assertThat(after.get("status").asText()).isEqualTo("closed");
        assertThat(after.get("closedBy").asText()).isEqualTo(official.get("officialEvaluation").asText());
        assertThat(after.get("steps").get(1).get("comment").asText()).contains(official.get("officialEvaluation").asText());

        JsonNode stillOpen = CycleClients.get(CycleClients.checker(port),
                "/api/v1/rectifications?code=" + code + "&status=open").get("items");
        assertThat(stillOpen.findValuesAsText("id")).doesNotContain(r6.get("id").asText());
        assertThat(stillOpen.size()).as("failing checks of both years stay followed, once each").isPositive();
        Set<String> keys = new HashSet<>();
        stillOpen.forEach(i -> assertThat(keys.add(i.get("indicator").asText() + "/" + i.get("subject").asText()
                + "/" + i.get("stage").asText())).as("one open item per shortfall").isTrue());
    }

    @Test
    void aReviewerOutsideTheSubjectsNodeIsRefused() throws IOException {
        String outside = "431103-" + getClass().getSimpleName().substring(0, 2) + "-S";
        String id = CycleClients.post(CycleClients.clerk(port), SUBMISSIONS, county(outside, 2025)).getBody()
                .get("id").asText();
        RestClient daxiang = CycleClients.daxiangChecker(port);

        ResponseEntity<JsonNode> approve = CycleClients.post(daxiang, SUBMISSIONS + "/" + id + "/approve", Map.of());
        assertThat(approve.getStatusCode().value()).isEqualTo(403);
        assertThat(approve.getBody().get("detail").asText()).contains(outside).contains("daxiang");
        assertThat(CycleClients.post(daxiang, SUBMISSIONS + "/" + id + "/return", Map.of("comment", "退回"))
                .getStatusCode().value()).isEqualTo(403);
        assertThat(CycleClients.get(daxiang, SUBMISSIONS + "?code=" + outside).get("items")).isEmpty();

        String inside = "430503-" + getClass().getSimpleName().substring(0, 2) + "-S";
        String own = CycleClients.post(CycleClients.clerk(port), SUBMISSIONS, county(inside, 2025)).getBody()
                .get("id").asText();
        ResponseEntity<JsonNode> approved = CycleClients.post(daxiang, SUBMISSIONS + "/" + own + "/approve", Map.of());
        assertThat(approved.getStatusCode().value()).isEqualTo(200);
        assertThat(CycleClients.get(daxiang, "/api/v1/rectifications?code=" + outside).get("items")).isEmpty();
    }

    /** Submits and approves the county; its rectification items. */
    JsonNode approvedItems(String code, ObjectNode request) {
        approve(request);
        return CycleClients.get(CycleClients.checker(port), "/api/v1/rectifications?code=" + code).get("items");
    }

    JsonNode approve(ObjectNode request) {
        String id = CycleClients.post(CycleClients.clerk(port), SUBMISSIONS, request).getBody().get("id").asText();
        ResponseEntity<JsonNode> approved = CycleClients.post(CycleClients.checker(port),
                SUBMISSIONS + "/" + id + "/approve", Map.of());
        assertThat(approved.getStatusCode().value()).as("%s", approved.getBody()).isEqualTo(200);
        return approved.getBody();
    }

    ObjectNode county(String code, int year) {
        ObjectNode request = ApiClients.sample(mapper, code);
        ((ObjectNode) request.get("subject")).put("year", year);
        return request;
    }

    static ObjectNode school(ObjectNode request, String id) {
        for (JsonNode school : (ArrayNode) request.get("subject").get("schools")) {
            if (school.get("id").asText().equals(id)) {
                return (ObjectNode) school;
            }
        }
        throw new AssertionError("no school " + id);
    }

    static ObjectNode firstSection(ObjectNode request, String school) {
        return (ObjectNode) school(request, school).get("sections").get(0);
    }

    static JsonNode item(JsonNode items, String indicator, String subject) {
        for (JsonNode item : items) {
            if (item.get("indicator").asText().equals(indicator) && item.get("subject").asText().equals(subject)) {
                return item;
            }
        }
        throw new AssertionError("no item " + indicator + " " + subject + " in " + items);
    }

    /** The 整改期限 of an indicator as the shipped workbook sets it. */
    static int termMonths(String indicator) throws IOException {
        try (InputStream in = Files.newInputStream(
                Path.of("decision-tables/balanced-development/resource-allocation.xlsx"));
             Workbook workbook = WorkbookFactory.create(in)) {
            DataFormatter text = new DataFormatter();
            boolean inTable = false;
            for (Row row : workbook.getSheet("整改措施")) {
                String first = text.formatCellValue(row.getCell(0)).strip();
                inTable |= first.equals("RuleTable 整改期限");
                if (inTable && first.equals(indicator)) {
                    return Integer.parseInt(text.formatCellValue(row.getCell(1)).strip());
                }
            }
        }
        throw new AssertionError("no 整改期限 row for " + indicator);
    }

    static ByteArrayResource file(String name, byte[] content) {
        return new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return name;
            }
        };
    }

    /** A 1×1 PNG. */
    static byte[] png() {
        return java.util.Base64.getDecoder().decode(
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
    }
}
