package cn.supervision.compliance.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

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
import org.springframework.web.client.RestClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.supervision.compliance.system.Role;

/** Batches over real HTTP: JSON Lines and zip in, progress and summary (JSON and Excel) out, bad counties reported. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:http-tests;DB_CLOSE_DELAY=-1")
class BatchHttpTests {

    private static final MediaType JSON_LINES = MediaType.parseMediaType("application/x-ndjson");

    @LocalServerPort
    int port;

    @Autowired
    ObjectMapper mapper;

    @Test
    void jsonLinesAreEvaluatedStoredAndSummarisedAndBadLinesReportedWithoutStoppingTheOthers() throws Exception {
        ObjectNode fullRequest = ApiClients.sample(mapper, "BATCH-1");
        ObjectNode bareSubject = (ObjectNode) ApiClients.sample(mapper, "BATCH-2").get("subject");
        ObjectNode badSubject = ApiClients.sample(mapper, "BATCH-3").get("subject").deepCopy();
        ((ObjectNode) badSubject.get("schools").get(0).get("sections").get(0)).put("students", -5);
        ObjectNode fullAssessment = (ObjectNode) mapper.readTree(Files.readString(
                Path.of("samples/county-assessment-430503.json")));
        ((ObjectNode) fullAssessment.get("subject")).put("countyCode", "BATCH-4");
        String lines = String.join("\n", mapper.writeValueAsString(fullRequest), mapper.writeValueAsString(bareSubject),
                "{\"countyCode\": \"BATCH-X\",", "", mapper.writeValueAsString(badSubject),
                mapper.writeValueAsString(fullAssessment)) + "\n";

        ResponseEntity<JsonNode> accepted = ApiClients.integratorKey(port).post()
                .uri("/api/v1/batches?ruleSet=balanced-development").contentType(JSON_LINES).body(lines)
                .retrieve().toEntity(JsonNode.class);

        assertThat(accepted.getStatusCode().value()).isEqualTo(202);
        String id = accepted.getBody().get("id").asText();
        assertThat(accepted.getHeaders().getLocation()).hasToString("/api/v1/batches/" + id);
        assertThat(accepted.getBody().get("total").asInt()).isEqualTo(5);

        JsonNode progress = awaitEnd(ApiClients.integratorKey(port), id);
        assertThat(progress.get("status").asText()).isEqualTo("DONE");
        assertThat(progress.get("done").asInt()).isEqualTo(5);
        assertThat(progress.get("invalid").asInt()).isEqualTo(2);
        assertThat(progress.get("etaSeconds").asLong()).isZero();

        JsonNode summary = ApiClients.as(port, Role.AUDITOR).get().uri("/api/v1/batches/" + id + "/summary")
                .retrieve().body(JsonNode.class);
        assertThat(summary.get("total").asInt()).isEqualTo(5);
        assertThat(summary.get("evaluated").asInt()).isEqualTo(3);
        assertThat(summary.get("passed").asInt() + summary.get("failed").asInt()).isEqualTo(3);
        assertThat(summary.get("invalid").findValuesAsText("source")).containsExactly("第 3 行", "第 5 行");
        assertThat(summary.get("invalid").get(1).get("problems").findValuesAsText("field"))
                .contains("subject.schools[0].sections[0].students");
        int decided = 0;
        for (JsonNode count : summary.get("decisions")) {
            decided += count.asInt();
        }
        assertThat(decided).isEqualTo(3);
        assertThat(summary.get("failingIndicators")).isNotEmpty();
        assertThat(summary.get("failingIndicators").get(0).get("counties").asInt())
                .isGreaterThanOrEqualTo(summary.get("failingIndicators").get(summary.get("failingIndicators").size() - 1)
                        .get("counties").asInt());

        // every county in input order, each evaluated one with the evaluation it was stored as
        JsonNode counties = ApiClients.integratorKey(port).get().uri("/api/v1/batches/" + id + "/counties?size=4")
                .retrieve().body(JsonNode.class);
        assertThat(counties.get("total").asInt()).isEqualTo(5);
        assertThat(counties.get("items").findValuesAsText("source")).containsExactly("第 1 行", "第 2 行", "第 3 行",
                "第 5 行");
        assertThat(counties.get("items").findValuesAsText("outcome"))
                .containsExactly("evaluated", "evaluated", "invalid", "invalid");
        JsonNode second = counties.get("items").get(1);
        assertThat(second.get("countyCode").asText()).isEqualTo("BATCH-2");
        JsonNode evaluation = ApiClients.integratorKey(port).get().uri("/api/v1/evaluations/"
                + second.get("evaluationId").asText()).retrieve().body(JsonNode.class);
        assertThat(evaluation.get("subject").get("countyCode").asText()).isEqualTo("BATCH-2");
        assertThat(second.get("passed").asBoolean()).isEqualTo(evaluation.get("passed").asBoolean());
        JsonNode last = ApiClients.integratorKey(port).get().uri("/api/v1/batches/" + id + "/counties?page=1&size=4")
                .retrieve().body(JsonNode.class).get("items");
        assertThat(last.findValuesAsText("countyCode")).containsExactly("BATCH-4");
        ResponseEntity<JsonNode> tooMany = ApiClients.integratorKey(port).get()
                .uri("/api/v1/batches/" + id + "/counties?size=201").retrieve().toEntity(JsonNode.class);
        assertThat(tooMany.getStatusCode().value()).isEqualTo(400);
        assertThat(tooMany.getBody().get("errors").findValuesAsText("field")).containsExactly("size");
        assertThat(ApiClients.as(port, Role.INTEGRATOR).get().uri("/api/v1/batches/" + id + "/counties").retrieve()
                .toBodilessEntity().getStatusCode().value()).as("another integrator's batch").isEqualTo(404);

        JsonNode stored = ApiClients.as(port, Role.AUDITOR).get().uri("/api/v1/evaluations?countyCode=BATCH-2")
                .retrieve().body(JsonNode.class);
        assertThat(stored.get("items").findValuesAsText("submittedBy")).containsExactly("local-integrator");
        assertThat(stored.get("items").get(0).get("ruleSet").asText()).isEqualTo("balanced-development");
    }

    @Test
    void theSummaryDownloadsAsAnExcelWorkbookWithChineseHeaders() throws Exception {
        String id = submitLines(mapper.writeValueAsString(ApiClients.sample(mapper, "BATCH-XLSX")) + "\n{oops}\n");
        awaitEnd(ApiClients.as(port, Role.ADMIN), id);

        byte[] xlsx = ApiClients.as(port, Role.AUDITOR).get().uri("/api/v1/batches/" + id + "/summary.xlsx")
                .retrieve().body(byte[].class);

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            List<String> sheets = new ArrayList<>();
            workbook.forEach(sheet -> sheets.add(sheet.getSheetName()));
            assertThat(sheets).containsExactly("概况", "未达标指标", "等级分布", "数据有误");
            assertThat(workbook.getSheet("未达标指标").getRow(0).getCell(0).getStringCellValue()).isEqualTo("指标代码");
            assertThat(workbook.getSheet("数据有误").getRow(1).getCell(0).getStringCellValue()).isEqualTo("第 2 行");
            List<String> labels = new ArrayList<>();
            workbook.getSheet("概况").forEach(row -> labels.add(row.getCell(0).getStringCellValue()));
            // a resource-only county's decision is named as a person reads it, not by its code
            assertThat(labels).contains("认定结论：未申请认定（资源配置评估）").noneMatch(l -> l.matches(".*[A-Z_]{5,}.*"));
        }
    }

    @Test
    void aZipOfCountyFilesIsABatchAndAnUnreadableFileIsReportedByName() throws Exception {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip, StandardCharsets.UTF_8)) {
            entry(out, "湖南/county-a.json", mapper.writerWithDefaultPrettyPrinter()
                    .writeValueAsBytes(ApiClients.sample(mapper, "BATCH-ZIP")));
            entry(out, "湖南/county-b.json", "{\"countyCode\": ".getBytes(StandardCharsets.UTF_8));
            entry(out, "readme.txt", "not a county".getBytes(StandardCharsets.UTF_8));
        }
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("file", new ByteArrayResource(zip.toByteArray()) {
            @Override
            public String getFilename() {
                return "counties.zip";
            }
        });
        form.add("ruleSet", "balanced-development");

        ResponseEntity<JsonNode> accepted = ApiClients.as(port, Role.ADMIN).post().uri("/api/v1/batches")
                .contentType(MediaType.MULTIPART_FORM_DATA).body(form).retrieve().toEntity(JsonNode.class);

        assertThat(accepted.getStatusCode().value()).isEqualTo(202);
        String id = accepted.getBody().get("id").asText();
        assertThat(awaitEnd(ApiClients.as(port, Role.ADMIN), id).get("total").asInt()).isEqualTo(2);
        JsonNode summary = ApiClients.as(port, Role.ADMIN).get().uri("/api/v1/batches/" + id + "/summary")
                .retrieve().body(JsonNode.class);
        assertThat(summary.get("evaluated").asInt()).isEqualTo(1);
        assertThat(summary.get("invalid").findValuesAsText("source")).containsExactly("压缩包文件 湖南/county-b.json");
    }

    @Test
    void anotherIntegratorDoesNotSeeTheBatchButAnAuditorDoes() throws Exception {
        String id = submitLines(mapper.writeValueAsString(ApiClients.sample(mapper, "BATCH-ACL")));

        assertThat(ApiClients.as(port, Role.INTEGRATOR).get().uri("/api/v1/batches/" + id).retrieve()
                .toBodilessEntity().getStatusCode().value()).isEqualTo(404);
        assertThat(ApiClients.as(port, Role.AUDITOR).get().uri("/api/v1/batches/" + id).retrieve()
                .toBodilessEntity().getStatusCode().value()).isEqualTo(200);
        awaitEnd(ApiClients.integratorKey(port), id);
    }

    @Test
    void theListingShowsEachRoleTheBatchesItMayRead() throws Exception {
        String byKey = submitLines(mapper.writeValueAsString(ApiClients.sample(mapper, "BATCH-LIST-1")));
        String byAdmin = ApiClients.as(port, Role.ADMIN).post().uri("/api/v1/batches?ruleSet=balanced-development")
                .contentType(JSON_LINES).body(mapper.writeValueAsString(ApiClients.sample(mapper, "BATCH-LIST-2")))
                .retrieve().body(JsonNode.class).get("id").asText();

        assertThat(listed(ApiClients.integratorKey(port))).contains(byKey).doesNotContain(byAdmin);
        assertThat(listed(ApiClients.as(port, Role.INTEGRATOR))).doesNotContain(byKey, byAdmin);
        assertThat(listed(ApiClients.as(port, Role.POLICY_EDITOR))).isEmpty();
        assertThat(listed(ApiClients.as(port, Role.AUDITOR))).contains(byKey, byAdmin);
        List<String> all = listed(ApiClients.as(port, Role.ADMIN));
        assertThat(all).contains(byKey, byAdmin);
        assertThat(all.indexOf(byAdmin)).as("newest first").isLessThan(all.indexOf(byKey));
        JsonNode mine = ApiClients.integratorKey(port).get().uri("/api/v1/batches").retrieve().body(JsonNode.class);
        assertThat(mine.get("items").get(0).get("submittedBy").asText()).isEqualTo("local-integrator");
        assertThat(mine.get("items").get(0).has("total")).isTrue();
        awaitEnd(ApiClients.integratorKey(port), byKey);
        awaitEnd(ApiClients.as(port, Role.ADMIN), byAdmin);
    }

    @Test
    void anUnknownRuleSetIsRefusedBeforeAnythingRuns() {
        ResponseEntity<JsonNode> refused = ApiClients.integratorKey(port).post()
                .uri("/api/v1/batches?ruleSet=no-such-set").contentType(JSON_LINES).body("{}\n")
                .retrieve().toEntity(JsonNode.class);

        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(refused.getBody().get("errors").findValuesAsText("field")).containsExactly("ruleSet");
    }

    private static List<String> listed(RestClient client) {
        return client.get().uri("/api/v1/batches").retrieve().body(JsonNode.class).get("items").findValuesAsText("id");
    }

    private String submitLines(String lines) {
        return ApiClients.integratorKey(port).post().uri("/api/v1/batches?ruleSet=balanced-development")
                .contentType(JSON_LINES).body(lines).retrieve().body(JsonNode.class).get("id").asText();
    }

    /** Follows the batch until it has ended (a poll, not a timing assertion: a slow machine only waits longer). */
    private static JsonNode awaitEnd(RestClient client, String id) throws InterruptedException {
        for (int attempt = 0; attempt < 600; attempt++) {
            JsonNode progress = client.get().uri("/api/v1/batches/" + id).retrieve().body(JsonNode.class);
            String status = progress.get("status").asText();
            if (status.equals("DONE") || status.equals("FAILED")) {
                return progress;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("batch " + id + " did not end");
    }

    private static void entry(ZipOutputStream zip, String name, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
    }
}
