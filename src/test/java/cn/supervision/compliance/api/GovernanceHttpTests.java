package cn.supervision.compliance.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.supervision.compliance.ruleset.Workbooks;
import cn.supervision.compliance.system.Role;

/**
 * Issue 22, points 2 and 3, over real HTTP on H2: accounts at two nodes (daxiang in Hunan, daxing in Beijing) read,
 * search, trace and submit only inside their subtree; a request is judged under the subject's own node unless it
 * names an ancestor, never a sibling branch; a daxiang editor cannot change a national row; the uploader cannot
 * activate its own version, another editor's activation with a comment approves it, and a rollback needs one editor.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:governance;DB_CLOSE_DELAY=-1")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GovernanceHttpTests {

    private static final String SET = "balanced-development";
    private static final String PASSWORD = "node-password";

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper mapper;

    private String daxiangEvaluation;
    private String daxingEvaluation;

    @BeforeAll
    void accountsAtTwoNodesAndAnEvaluationAtEach() throws IOException {
        for (String[] account : new String[][] {
                {"daxiang-auditor", "AUDITOR", "daxiang"}, {"daxing-auditor", "AUDITOR", "daxing"},
                {"daxiang-integrator", "INTEGRATOR", "daxiang"}, {"daxing-integrator", "INTEGRATOR", "daxing"},
                {"daxiang-editor", "POLICY_EDITOR", "daxiang"}}) {
            ResponseEntity<JsonNode> created = ApiClients.admin(port).post().uri("/api/v1/accounts")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("username", account[0], "password", PASSWORD, "roles", List.of(account[1]),
                            "jurisdiction", account[2]))
                    .retrieve().toEntity(JsonNode.class);
            assertThat(created.getStatusCode().value()).as("%s", created.getBody()).isEqualTo(201);
        }
        daxiangEvaluation = ApiClients.evaluate(ApiClients.integratorKey(port), county()).get("id").asText();
        daxingEvaluation = ApiClients.evaluate(ApiClients.integratorKey(port), district()).get("id").asText();
    }

    private RestClient as(String name) {
        return ApiClients.basic(port, name, PASSWORD);
    }

    private ObjectNode county() {
        ObjectNode request = ApiClients.sample(mapper, "430503");
        request.remove("jurisdiction");
        return request;
    }

    private ObjectNode district() throws IOException {
        ObjectNode request = (ObjectNode) mapper.readTree(Files.readString(Path.of("samples/district-daxing.json")));
        request.remove("jurisdiction");
        return request;
    }

    private int status(RestClient client, String uri) {
        return client.get().uri(uri).retrieve().toBodilessEntity().getStatusCode().value();
    }

    @Test
    void aSubjectIsJudgedUnderItsOwnNodeByDefault() {
        JsonNode stored = ApiClients.admin(port).get().uri("/api/v1/evaluations/" + daxiangEvaluation).retrieve()
                .body(JsonNode.class);
        assertThat(stored.get("jurisdiction").asText()).isEqualTo("daxiang");
        JsonNode daxing = ApiClients.admin(port).get().uri("/api/v1/evaluations/" + daxingEvaluation).retrieve()
                .body(JsonNode.class);
        assertThat(daxing.get("jurisdiction").asText()).isEqualTo("daxing");
    }

    @Test
    void eachNodeReadsSearchesAndTracesOnlyItsOwnSubtree() {
        for (String[] reader : new String[][] {{"daxiang-auditor", daxiangEvaluation, daxingEvaluation},
                {"daxing-auditor", daxingEvaluation, daxiangEvaluation}}) {
            RestClient auditor = as(reader[0]);
            assertThat(status(auditor, "/api/v1/evaluations/" + reader[1])).as(reader[0]).isEqualTo(200);
            assertThat(status(auditor, "/api/v1/evaluations/" + reader[2])).as(reader[0] + " elsewhere").isEqualTo(404);
            assertThat(status(auditor, "/api/v1/evaluations/" + reader[2] + "/trace")).isEqualTo(404);
            assertThat(status(auditor, "/api/v1/evaluations/" + reader[2] + "/report")).isEqualTo(404);
            JsonNode found = auditor.get().uri("/api/v1/evaluations?size=100").retrieve().body(JsonNode.class);
            assertThat(found.get("items").findValuesAsText("id")).contains(reader[1]).doesNotContain(reader[2]);
        }
        JsonNode national = ApiClients.as(port, Role.AUDITOR).get()
                .uri("/api/v1/evaluations?size=100").retrieve().body(JsonNode.class);
        assertThat(national.get("items").findValuesAsText("id")).contains(daxiangEvaluation, daxingEvaluation);
    }

    @Test
    void eachNodeSubmitsOnlyForItsOwnSubjects() throws IOException {
        assertThat(ApiClients.postEvaluation(as("daxiang-integrator"), county()).getStatusCode().value()).isEqualTo(201);
        ResponseEntity<JsonNode> outside = ApiClients.postEvaluation(as("daxiang-integrator"), district());
        assertThat(outside.getStatusCode().value()).isEqualTo(403);
        assertThat(outside.getBody().get("field").asText()).isEqualTo("subject.districtCode");
        assertThat(outside.getBody().get("detail").asText()).contains("110115", "daxing", "daxiang");

        assertThat(ApiClients.postEvaluation(as("daxing-integrator"), district()).getStatusCode().value()).isEqualTo(201);
        ResponseEntity<JsonNode> reverse = ApiClients.postEvaluation(as("daxing-integrator"), county());
        assertThat(reverse.getStatusCode().value()).isEqualTo(403);
        assertThat(reverse.getBody().get("field").asText()).isEqualTo("subject.countyCode");
    }

    @Test
    void noJurisdictionShoppingASiblingBranchIsRefusedNamingTheField() {
        ObjectNode underBeijing = county().put("jurisdiction", "beijing");
        ResponseEntity<JsonNode> refused = ApiClients.postEvaluation(ApiClients.integratorKey(port), underBeijing);
        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(refused.getBody().findValuesAsText("field")).containsExactly("jurisdiction");
        assertThat(refused.getBody().toString()).contains("beijing", "430503", "daxiang");

        ObjectNode underHunan = county().put("jurisdiction", "hunan");
        ResponseEntity<JsonNode> ancestor = ApiClients.postEvaluation(ApiClients.integratorKey(port), underHunan);
        assertThat(ancestor.getStatusCode().value()).isEqualTo(201);
        assertThat(ancestor.getBody().get("jurisdiction").asText()).isEqualTo("hunan");
    }

    @Test
    void aDaxiangEditorChangingANationalRowIsRefusedAtItsCell() {
        // 参数!B10 is the national school-pass rule (6 of 7 indicators); row 11 is daxiang's own
        ResponseEntity<JsonNode> national = upload(as("daxiang-editor"),
                Workbooks.withCell(Workbooks.shipped(), "参数", "B10", "5"), "全国规则改为 5 项");
        assertThat(national.getStatusCode().value()).as("%s", national.getBody()).isEqualTo(403);
        JsonNode cell = national.getBody().get("cells").get(0);
        assertThat(cell.get("sheet").asText()).isEqualTo("参数");
        assertThat(cell.get("cell").asText()).isEqualTo("B10");
        assertThat(cell.get("jurisdiction").asText()).isEqualTo("national");
        assertThat(national.getBody().get("detail").asText()).contains("daxiang", "参数!B10");
    }

    @Test
    void theUploaderCannotActivateItsOwnVersionAnotherEditorApprovesItWithAComment() {
        JsonNode active = activeVersion();
        ResponseEntity<JsonNode> uploaded = upload(ApiClients.as(port, Role.POLICY_EDITOR),
                Workbooks.withCell(Workbooks.shipped(), "整改措施", "E10", "四眼原则的测试"), "整改措施措辞");
        assertThat(uploaded.getStatusCode().value()).as("%s", uploaded.getBody()).isEqualTo(201);
        int sequence = uploaded.getBody().get("sequence").asInt();
        assertThat(uploaded.getBody().get("uploader").asText()).isEqualTo("editor");

        ResponseEntity<JsonNode> self = ApiClients.activate(
                ApiClients.as(port, Role.POLICY_EDITOR), SET, sequence, "我自己批");
        assertThat(self.getStatusCode().value()).isEqualTo(403);
        assertThat(self.getBody().get("detail").asText()).contains("上传者不能自己启用", "另一位", "政策编辑");

        ResponseEntity<JsonNode> silent = ApiClients.reviewer(port).post()
                .uri("/api/v1/rule-sets/" + SET + "/versions/" + sequence + "/activate").retrieve().toEntity(JsonNode.class);
        assertThat(silent.getStatusCode().value()).isEqualTo(400);
        assertThat(silent.getBody().get("field").asText()).isEqualTo("comment");

        ResponseEntity<JsonNode> approved = ApiClients.activate(ApiClients.reviewer(port), SET, sequence, "措辞已核对");
        assertThat(approved.getStatusCode().value()).as("%s", approved.getBody()).isEqualTo(200);
        assertThat(approved.getBody().get("approvedBy").asText()).isEqualTo("reviewer");
        assertThat(approved.getBody().get("approvalComment").asText()).isEqualTo("措辞已核对");
        assertThat(approved.getBody().get("activatedBy").asText()).isEqualTo("reviewer");
        assertThat(approved.getBody().get("approvedAt").isNull()).isFalse();

        // a rollback restores an approved state: one editor, the uploader included, recorded the same way
        ResponseEntity<JsonNode> rolledBack = ApiClients.activate(
                ApiClients.as(port, Role.POLICY_EDITOR), SET, active.get("sequence").asInt(),
                "先恢复原措辞");
        assertThat(rolledBack.getStatusCode().value()).as("%s", rolledBack.getBody()).isEqualTo(200);
        JsonNode restored = rolledBack.getBody().get("activations");
        JsonNode last = restored.get(restored.size() - 1);
        assertThat(last.get("by").asText()).isEqualTo("editor");
        assertThat(last.get("kind").asText()).isEqualTo("rollback");
        assertThat(last.get("comment").asText()).isEqualTo("先恢复原措辞");

        JsonNode history = ApiClients.as(port, Role.AUDITOR).get()
                .uri("/api/v1/rule-sets/" + SET + "/versions/" + sequence).retrieve().body(JsonNode.class);
        assertThat(history.get("activations").get(0).get("kind").asText()).isEqualTo("approval");
        assertThat(history.get("activations").get(0).get("by").asText()).isEqualTo("reviewer");
    }

    private JsonNode activeVersion() {
        for (JsonNode set : ApiClients.admin(port).get().uri("/api/v1/rule-sets").retrieve().body(JsonNode.class)) {
            if (set.get("name").asText().equals(SET)) {
                return set.get("active");
            }
        }
        throw new AssertionError("no " + SET);
    }

    private ResponseEntity<JsonNode> upload(RestClient client, byte[] workbook, String comment) {
        return ApiClients.uploadResourceAllocation(client, workbook, comment);
    }
}
