package cn.supervision.compliance.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
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

import cn.supervision.compliance.system.Role;

/**
 * Batches are scoped like single evaluations (issue 22, point 2): a batch without a jurisdiction judges each county
 * under its own node (it judged every county under national before), an account bound to a node has only the counties
 * of its subtree evaluated (the others are refused by name, the rest go on), and auditors read only the batches
 * submitted inside their subtree.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:batch-scope;DB_CLOSE_DELAY=-1")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BatchScopeHttpTests {

    private static final MediaType JSON_LINES = MediaType.parseMediaType("application/x-ndjson");
    private static final String PASSWORD = "node-password";

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper mapper;

    @BeforeAll
    void accountsAtTwoNodes() {
        for (String[] account : new String[][] {{"batch-daxiang", "INTEGRATOR", "daxiang"},
                {"auditor-daxiang", "AUDITOR", "daxiang"}, {"auditor-zhejiang", "AUDITOR", "zhejiang"}}) {
            ResponseEntity<JsonNode> created = ApiClients.admin(port).post().uri("/api/v1/accounts")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("username", account[0], "password", PASSWORD, "roles", List.of(account[1]),
                            "jurisdiction", account[2]))
                    .retrieve().toEntity(JsonNode.class);
            assertThat(created.getStatusCode().value()).as("%s", created.getBody()).isEqualTo(201);
        }
    }

    /**
     * The sample county 大祥区 (430503, daxiang) and the same figures as 西湖区 (330106: Zhejiang's node is the deepest
     * the tree has for it).
     */
    private String lines() throws IOException {
        ObjectNode daxiang = ApiClients.sample(mapper, "430503");
        daxiang.remove("jurisdiction");
        ObjectNode xihu = ApiClients.sample(mapper, "330106");
        xihu.remove("jurisdiction");
        return mapper.writeValueAsString(daxiang) + "\n" + mapper.writeValueAsString(xihu) + "\n";
    }

    private String submit(RestClient client) throws IOException {
        ResponseEntity<JsonNode> accepted = client.post().uri("/api/v1/batches?ruleSet=balanced-development")
                .contentType(JSON_LINES).body(lines()).retrieve().toEntity(JsonNode.class);
        assertThat(accepted.getStatusCode().value()).as("%s", accepted.getBody()).isEqualTo(202);
        assertThat(accepted.getBody().get("jurisdiction").isNull()).isTrue();
        return accepted.getBody().get("id").asText();
    }

    @Test
    void eachCountyIsJudgedUnderItsOwnNode() throws Exception {
        String id = submit(ApiClients.integratorKey(port));
        assertThat(awaitEnd(ApiClients.integratorKey(port), id).get("invalid").asInt()).isZero();
        JsonNode counties = ApiClients.integratorKey(port).get().uri("/api/v1/batches/" + id + "/counties")
                .retrieve().body(JsonNode.class);
        List<String> judged = counties.get("items").findValuesAsText("evaluationId").stream()
                .map(evaluation -> ApiClients.admin(port).get().uri("/api/v1/evaluations/" + evaluation).retrieve()
                        .body(JsonNode.class).get("jurisdiction").asText())
                .toList();
        assertThat(judged).containsExactly("daxiang", "zhejiang");
    }

    @Test
    void anAccountAtANodeHasOnlyItsSubtreesCountiesEvaluatedAndOnlyAuditorsAboveItReadTheBatch() throws Exception {
        RestClient daxiang = ApiClients.basic(port, "batch-daxiang", PASSWORD);
        String id = submit(daxiang);
        JsonNode progress = awaitEnd(daxiang, id);
        assertThat(progress.get("submitterNode").asText()).isEqualTo("daxiang");
        assertThat(progress.get("invalid").asInt()).isEqualTo(1);

        JsonNode counties = daxiang.get().uri("/api/v1/batches/" + id + "/counties").retrieve().body(JsonNode.class);
        assertThat(counties.get("items").findValuesAsText("outcome")).containsExactly("evaluated", "invalid");
        JsonNode refused = counties.get("items").get(1).get("problems").get(0);
        assertThat(refused.get("field").asText()).isEqualTo("subject.countyCode");
        assertThat(refused.get("message").asText()).contains("daxiang");

        assertThat(status(ApiClients.basic(port, "auditor-daxiang", PASSWORD), "/api/v1/batches/" + id)).isEqualTo(200);
        assertThat(status(ApiClients.as(port, Role.AUDITOR), "/api/v1/batches/" + id)).isEqualTo(200);
        RestClient zhejiang = ApiClients.basic(port, "auditor-zhejiang", PASSWORD);
        assertThat(status(zhejiang, "/api/v1/batches/" + id)).isEqualTo(404);
        assertThat(status(zhejiang, "/api/v1/batches/" + id + "/summary")).isEqualTo(404);
        assertThat(zhejiang.get().uri("/api/v1/batches").retrieve().body(JsonNode.class).get("items")
                .findValuesAsText("id")).doesNotContain(id);
    }

    private static int status(RestClient client, String uri) {
        return client.get().uri(uri).retrieve().toBodilessEntity().getStatusCode().value();
    }

    private static JsonNode awaitEnd(RestClient client, String id) throws InterruptedException {
        for (int attempt = 0; attempt < 600; attempt++) {
            JsonNode progress = client.get().uri("/api/v1/batches/" + id).retrieve().body(JsonNode.class);
            if (List.of("DONE", "FAILED").contains(progress.get("status").asText())) {
                return progress;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("batch " + id + " did not end");
    }
}
