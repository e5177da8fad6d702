package cn.supervision.compliance.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.supervision.compliance.ruleset.ShippedRuleSets;
import cn.supervision.compliance.ruleset.Workbooks;

/**
 * Policy staff's rule-set workflow over real HTTP: download, upload, rejections by cell, workbook test cases, impact
 * preview, activation under load, rollback and the watched folder. The service reads a copy of the shipped folders.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.datasource.url=jdbc:h2:mem:rule-set-tests;DB_CLOSE_DELAY=-1",
                      "compliance.rules.watch.enabled=true", "compliance.rules.watch.quiet-period=300ms"})
class RuleSetHttpTests {

    private static final String SET = "/api/v1/rule-sets/balanced-development";
    private static final String FILE = Workbooks.RESOURCE_ALLOCATION;
    private static final Path SAMPLE = Path.of("samples/county-430503.json");
    private static final Path FOLDERS = copyOfTheShippedFolders();

    @DynamicPropertySource
    static void folders(DynamicPropertyRegistry registry) {
        registry.add("compliance.rules.decision-tables", () -> FOLDERS.toString());
    }

    @LocalServerPort
    int port;

    @Autowired
    ObjectMapper mapper;

    private static Path copyOfTheShippedFolders() {
        try {
            Path root = Path.of("target", "rule-set-tests");
            FileSystemUtils.deleteRecursively(root);
            Path folder = Files.createDirectories(root.resolve("balanced-development"));
            Files.copy(ShippedRuleSets.DECISION_TABLES.resolve("balanced-development").resolve(FILE), folder.resolve(FILE),
                    StandardCopyOption.REPLACE_EXISTING);
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private RestClient http() {
        return ApiClients.admin(port);
    }

    private ResponseEntity<JsonNode> upload(String name, byte[] workbook, String comment) {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("file", new ByteArrayResource(workbook) {
            @Override
            public String getFilename() {
                return name;
            }
        });
        if (comment != null) {
            parts.add("comment", comment);
        }
        return http().post().uri(SET + "/versions").contentType(MediaType.MULTIPART_FORM_DATA).body(parts)
                .retrieve().toEntity(JsonNode.class);
    }

    private JsonNode get(String uri) {
        ResponseEntity<JsonNode> response = http().get().uri(uri).retrieve().toEntity(JsonNode.class);
        assertThat(response.getStatusCode().value()).as(uri).isEqualTo(200);
        return response.getBody();
    }

    /** Activated by the reviewer: uploads here are the administrator's, and an uploader cannot approve its own. */
    private JsonNode activate(Object version) {
        ResponseEntity<JsonNode> response = ApiClients.activate(ApiClients.reviewer(port), "balanced-development",
                version, "核对无误");
        assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(200);
        return response.getBody();
    }

    private JsonNode active() {
        return get("/api/v1/rule-sets").get(0).get("active");
    }

    private byte[] activeWorkbook() {
        return http().get().uri(SET + "/workbooks/" + FILE).retrieve().body(byte[].class);
    }

    /** The sample evaluated, answered in the full view: the thresholds of met indicators are read. */
    private ResponseEntity<JsonNode> evaluateSample() {
        try {
            return http().post().uri("/api/v1/evaluations?view=full").contentType(MediaType.APPLICATION_JSON)
                    .body(Files.readString(SAMPLE)).retrieve().toEntity(JsonNode.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private int uploadedVersion(byte[] workbook) {
        ResponseEntity<JsonNode> response = upload(FILE, workbook, "R6 小学 ≥2300");
        assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isIn(200, 201);
        return response.getBody().get("sequence").asInt();
    }

    private static JsonNode sectionIndicator(JsonNode result, String school, String code) {
        for (JsonNode section : result.get("sections")) {
            if (section.get("schoolId").asText().equals(school)) {
                for (JsonNode indicator : section.get("indicators")) {
                    if (indicator.get("code").asText().equals(code)) {
                        return indicator;
                    }
                }
            }
        }
        throw new AssertionError("no indicator " + code + " of " + school);
    }

    private List<JsonNode> problems(ResponseEntity<JsonNode> response) {
        assertThat(response.getStatusCode().value()).isEqualTo(422);
        assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
        List<JsonNode> problems = new ArrayList<>();
        response.getBody().get("problems").forEach(problems::add);
        return problems;
    }

    @Test
    void theActiveWorkbookIsListedAndDownloadedAsStored() {
        JsonNode ruleSet = get("/api/v1/rule-sets").get(0);
        assertThat(ruleSet.get("name").asText()).isEqualTo("balanced-development");
        assertThat(ruleSet.get("active").get("hash").asText()).hasSize(64);
        assertThat(ruleSet.get("active").get("uploader").asText()).isEqualTo("local");
        assertThat(ruleSet.get("workbooks").findValuesAsText("name")).containsExactly(FILE);
        String version = ruleSet.get("active").get("sequence").asText();
        assertThat(activeWorkbook()).isEqualTo(http().get().uri(SET + "/versions/" + version + "/workbooks/" + FILE)
                .retrieve().body(byte[].class));
        assertThat(get(SET + "/versions/" + ruleSet.get("active").get("hash").asText()).get("sequence").asText())
                .isEqualTo(version);
        assertThat(http().get().uri(SET + "/versions/999").retrieve().toEntity(JsonNode.class).getStatusCode().value())
                .isEqualTo(404);
    }

    @Test
    void textInANumberCellIsRejectedByCellAndTheActiveVersionKeepsServing() {
        String before = active().get("hash").asText();
        ResponseEntity<JsonNode> response = upload(FILE, Workbooks.withCell(activeWorkbook(), "资源配置标准", "E14", "≥0,9"), null);

        assertThat(problems(response)).singleElement().satisfies(p -> {
            assertThat(p.get("file").asText()).isEqualTo(FILE);
            assertThat(p.get("sheet").asText()).isEqualTo("资源配置标准");
            assertThat(p.get("cell").asText()).isEqualTo("E14");
            assertThat(p.get("message").asText()).isEqualTo("“≥0,9”不是数字（标准（要求））");
        });
        assertThat(response.getBody().get("detail").asText())
                .isEqualTo(FILE + "，工作表“资源配置标准”，单元格 E14：“≥0,9”不是数字（标准（要求））");
        assertThat(active().get("hash").asText()).isEqualTo(before);
        assertThat(evaluateSample().getStatusCode().value()).isEqualTo(201);
    }

    @Test
    void aChangedCodeRowAndCodeInAValueCellAreRejectedWithTheirCells() {
        byte[] workbook = Workbooks.withCell(activeWorkbook(), "资源配置标准", "C8", "System.exit(0);");
        workbook = Workbooks.withCell(workbook, "评估范围", "A10", "特殊教育学校\") || true || (\"");
        assertThat(problems(upload(FILE, workbook, null)))
                .extracting(p -> p.get("sheet").asText() + "!" + p.get("cell").asText())
                .containsExactlyInAnyOrder("资源配置标准!C8", "评估范围!A10");
    }

    @Test
    void brokenOldAndMacroFilesAreRejectedInPlainWords() {
        byte[] shipped = Workbooks.shipped();
        byte[] truncated = Arrays.copyOf(shipped, shipped.length - 100);
        assertThat(problems(upload(FILE, truncated, null)).get(0).get("message").asText())
                .isEqualTo("已损坏或不是 Excel 工作簿：无法作为 .xlsx 文件读取");
        assertThat(problems(upload("resource-allocation.xls", shipped, null)).get(0).get("message").asText())
                .contains(".xls");
        assertThat(problems(upload("other.xlsx", "not a workbook".getBytes(), null)).get(0).get("message").asText())
                .contains("已损坏");
    }

    @Test
    void aFailingWorkbookTestCaseRejectsTheVersion() {
        byte[] raised = Workbooks.withCell(activeWorkbook(), "资源配置标准", "E20", "≥2300");
        List<JsonNode> problems = problems(upload(FILE, raised, "without updating the test cases"));

        assertThat(problems).extracting(p -> p.get("sheet").asText()).containsOnly("测试用例");
        assertThat(problems).extracting(p -> p.get("cell").asText()).contains("A5:Q5", "A6:Q7");
        assertThat(problems.get(0).get("message").asText())
                .isEqualTo("测试用例“一所小学恰好达标”未通过：第 5 行（A 小学）：未达标指标预期“无”，实际“R6”");
    }

    @Test
    void anUnreadableTestCaseCellIsNamed() {
        List<JsonNode> problems = problems(upload(FILE, Workbooks.withCell(activeWorkbook(), "测试用例", "G5", "很多"), null));
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.get("sheet").asText()).isEqualTo("测试用例");
            assertThat(p.get("cell").asText()).isEqualTo("G5");
            assertThat(p.get("message").asText()).isEqualTo("“很多”不是数字");
        });
    }

    @Test
    void aHintWithQuotesAndBackslashesIsAcceptedAndReachesTheResultVerbatim() {
        String hint = "\"先补齐\"，他说：\"先补齐\\仪器\"，再 \"核查\" \\u0022); System.exit(1); // end $1\n第二步";
        byte[] workbook = Workbooks.withCell(Workbooks.shipped(), "整改措施", "B15", hint);
        ResponseEntity<JsonNode> response = upload(FILE, workbook, "引号与反斜杠");
        assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isIn(200, 201);
        JsonNode version = response.getBody();
        assertThat(version.get("changes")).anySatisfy(c -> {
            assertThat(c.get("cell").asText()).isEqualTo("B15");
            assertThat(c.get("after").asText()).isEqualTo(hint);
        });
        String previous = active().get("sequence").asText();
        activate(version.get("sequence").asInt());
        try {
            JsonNode result = evaluateSample().getBody();
            assertThat(result.get("hints")).anySatisfy(h -> {
                assertThat(h.get("indicator").asText()).isEqualTo("R6");
                assertThat(h.get("measures").asText()).isEqualTo(hint);
            });
        } finally {
            activate(previous);
        }
    }

    @Test
    void aWorkbookSavedByLibreOfficeCalcIsAccepted() throws IOException {
        // saved by LibreOffice 7.4 Calc (docProps/app.xml names it); its one edit: 整改措施 D15 教研室 → 教研室（仪器站）
        byte[] saved = Files.readAllBytes(Path.of("src/test/resources/workbooks/libreoffice-calc", FILE));
        ResponseEntity<JsonNode> response = upload(FILE, saved, "saved by LibreOffice");

        assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isIn(200, 201);
        assertThat(response.getBody().get("testResults")).isNotEmpty().allSatisfy(t -> assertThat(t.get("passed").asBoolean()).isTrue());
        assertThat(response.getBody().get("changes")).anySatisfy(c -> {
            assertThat(c.get("sheet").asText() + "!" + c.get("cell").asText()).isEqualTo("整改措施!D15");
            assertThat(c.get("after").asText()).isEqualTo("教研室（仪器站）");
        });
    }

    @Test
    void anUploadIsStoredWithItsChangesAndTestsAndActivatedOnlyOnRequestThenRolledBack() {
        JsonNode before = active();
        ResponseEntity<JsonNode> response = upload(FILE, Workbooks.r6Raised(), "R6 小学 ≥2300");
        assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isIn(200, 201);
        JsonNode version = response.getBody();
        assertThat(version.get("active").asBoolean()).isFalse();
        assertThat(version.get("uploader").asText()).isEqualTo("admin");
        assertThat(version.get("testResults").findValuesAsText("passed")).containsOnly("true").hasSize(3);
        assertThat(get(SET + "/versions/" + version.get("sequence").asInt() + "/compare?with=1").get("changes"))
                .extracting(c -> c.get("sheet").asText() + "!" + c.get("cell").asText() + " " + c.get("after").asText())
                .contains("资源配置标准!E20 ≥2300", "测试用例!P5 R6");
        assertThat(active().get("hash")).isEqualTo(before.get("hash"));

        activate(version.get("sequence").asInt());
        JsonNode raised = evaluateSample().getBody();
        assertThat(raised.get("ruleSetVersion").asText()).isEqualTo(version.get("hash").asText());
        assertThat(sectionIndicator(raised, "S1", "R6").get("threshold").decimalValue()).isEqualByComparingTo("2300");

        JsonNode rolledBack = activate(before.get("hash").asText());
        assertThat(rolledBack.get("active").asBoolean()).isTrue();
        JsonNode result = evaluateSample().getBody();
        assertThat(result.get("ruleSetVersion").asText()).isEqualTo(before.get("hash").asText());
        assertThat(sectionIndicator(result, "S1", "R6").get("threshold").decimalValue()).isEqualByComparingTo("2000");
        assertThat(get(SET + "/versions").findValuesAsText("sequence")).contains(version.get("sequence").asText());
    }

    @Test
    void theImpactPreviewListsTheStoredVerdictsThatWouldChange() {
        activate(1);
        String evaluated = evaluateSample().getBody().get("id").asText();
        int raised = uploadedVersion(Workbooks.r6Raised());

        JsonNode impact = get(SET + "/versions/" + raised + "/impact");

        assertThat(impact.get("evaluationsChecked").asInt()).isPositive();
        assertThat(impact.get("changes")).anySatisfy(change -> {
            assertThat(change.get("evaluationId").asText()).isEqualTo(evaluated);
            assertThat(change.get("subject").asText()).isEqualTo("430503");
            assertThat(change.get("school").asText()).isEqualTo("S1");
            assertThat(change.get("stage").asText()).isEqualTo("PRIMARY");
            assertThat(change.get("indicator").asText()).isEqualTo("R6");
            assertThat(change.get("before").asText()).isEqualTo("PASSED");
            assertThat(change.get("after").asText()).isEqualTo("FAILED");
        });
        assertThat(impact.get("changes").findValuesAsText("evaluationId")).doesNotContainNull();
        assertThat(active().get("sequence").asInt()).isEqualTo(1);
    }

    @Test
    void twoUploadsAtOnceAreSerialisedIntoTwoVersions() throws Exception {
        byte[] first = Workbooks.withCell(Workbooks.shipped(), "整改措施", "D10", "政工股（一）");
        byte[] second = Workbooks.withCell(Workbooks.shipped(), "整改措施", "D10", "政工股（二）");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<ResponseEntity<JsonNode>> a = pool.submit(() -> upload(FILE, first, "一"));
            Future<ResponseEntity<JsonNode>> b = pool.submit(() -> upload(FILE, second, "二"));
            assertThat(List.of(a.get(), b.get())).allSatisfy(r -> assertThat(r.getStatusCode().value()).isEqualTo(201))
                    .extracting(r -> r.getBody().get("sequence").asInt()).doesNotHaveDuplicates();
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void switchingVersionsUnderConcurrentEvaluationsFailsNoRequest() throws Exception {
        JsonNode original = active();
        int raised = uploadedVersion(Workbooks.r6Raised());
        String raisedHash = get(SET + "/versions/" + raised).get("hash").asText();
        Map<String, String> thresholds = Map.of(original.get("hash").asText(), "2000", raisedHash, "2300");

        AtomicBoolean switching = new AtomicBoolean(true);
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> versionsSeen = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Integer>> workers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            workers.add(pool.submit(() -> {
                int done = 0;
                while (switching.get() || done == 0) {
                    ResponseEntity<JsonNode> response = evaluateSample();
                    JsonNode result = response.getBody();
                    String version = result == null || result.get("ruleSetVersion") == null ? null : result.get("ruleSetVersion").asText();
                    if (response.getStatusCode().value() != 201 || !thresholds.containsKey(version)) {
                        failures.add(response.getStatusCode() + " " + result);
                    } else if (sectionIndicator(result, "S1", "R6").get("threshold").decimalValue()
                            .compareTo(new BigDecimal(thresholds.get(version))) != 0) {
                        failures.add("version " + version + " answered with another version's threshold");
                    } else {
                        versionsSeen.add(version);
                    }
                    done++;
                }
                return done;
            }));
        }
        try {
            for (int i = 0; i < 6; i++) {
                activate(i % 2 == 0 ? raised : original.get("sequence").asInt());
            }
        } finally {
            switching.set(false);
            int evaluations = 0;
            for (Future<Integer> worker : workers) {
                evaluations += worker.get();
            }
            pool.shutdown();
            assertThat(evaluations).isPositive();
        }
        assertThat(failures).isEmpty();
        assertThat(Set.copyOf(versionsSeen)).isSubsetOf(thresholds.keySet());
        assertThat(active().get("hash").asText()).isEqualTo(original.get("hash").asText());
    }

    @Test
    void aWorkbookSavedIntoTheWatchedFolderBecomesAProposedVersionNotTheActiveOne() throws Exception {
        String before = active().get("hash").asText();
        byte[] edited = Workbooks.withCell(activeWorkbook(), "整改措施", "D16", "教研室（电教馆）");
        Path target = FOLDERS.resolve("balanced-development").resolve(FILE);
        Path saving = target.resolveSibling("~$" + FILE);
        Files.write(saving, edited);
        Files.move(saving, target, StandardCopyOption.REPLACE_EXISTING);

        JsonNode proposed = null;
        for (int wait = 0; wait < 600 && proposed == null; wait++) {
            Thread.sleep(200);
            for (JsonNode version : get(SET + "/versions")) {
                if (version.get("comment").asText().equals("保存到受监视的规则集文件夹")
                        && version.get("changes").toString().contains("教研室（电教馆）")) {
                    proposed = version;
                }
            }
        }
        assertThat(proposed).as("the saved workbook is a proposed version").isNotNull();
        assertThat(proposed.get("active").asBoolean()).isFalse();
        assertThat(proposed.get("uploader").asText()).isEqualTo("local");
        assertThat(active().get("hash").asText()).as("saving activates nothing").isEqualTo(before);
        JsonNode approved = activate(proposed.get("sequence").asInt());
        assertThat(approved.get("approvedBy").asText()).isEqualTo("reviewer");
        activate(1);
    }
}
