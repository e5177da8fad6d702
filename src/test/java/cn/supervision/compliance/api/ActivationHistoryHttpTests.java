package cn.supervision.compliance.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.supervision.compliance.ruleset.Workbooks;
import cn.supervision.compliance.system.Role;

/**
 * Issue 22, point 7, over real HTTP on H2: every activation is listed with who uploaded, who activated, when and why;
 * a version approved now with an effective date (自…起施行) waits as pending while evaluations keep the old version,
 * and is in force from that moment without a restart, recorded with its approver.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.datasource.url=jdbc:h2:mem:activation-history;DB_CLOSE_DELAY=-1",
                      "compliance.rules.watch.enabled=false", "compliance.rules.activation-poll=300ms"})
class ActivationHistoryHttpTests {

    private static final String SET = "/api/v1/rule-sets/balanced-development";
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper mapper;
    @Autowired
    JdbcClient jdbc;

    @Test
    void anApprovalWithAnEffectiveDateWaitsThenJudgesFromThatMomentAndTheHistoryTellsWhoWhenAndWhy() throws Exception {
        RestClient editor = ApiClients.as(port, Role.POLICY_EDITOR);
        RestClient reviewer = ApiClients.reviewer(port);
        String before = activeHash();
        JsonNode uploaded = upload(editor, Workbooks.r6Raised(), "R6 小学 ≥2300");
        int sequence = uploaded.get("sequence").asInt();

        OffsetDateTime inForce = OffsetDateTime.now(BEIJING).plusSeconds(20).truncatedTo(ChronoUnit.SECONDS);
        ResponseEntity<JsonNode> approved = activate(reviewer, sequence,
                Map.of("comment", "按新标准，自下月起施行", "effectiveFrom", inForce.toLocalDateTime().toString()));
        assertThat(approved.getStatusCode().value()).as("%s", approved.getBody()).isEqualTo(200);
        assertThat(approved.getBody().get("active").asBoolean()).isFalse();

        JsonNode pending = history().get(0);
        assertThat(pending.get("status").asText()).isEqualTo("PENDING");
        assertThat(pending.get("version").asInt()).isEqualTo(sequence);
        assertThat(pending.get("uploader").asText()).isEqualTo("editor");
        assertThat(pending.get("by").asText()).isEqualTo("reviewer");
        assertThat(pending.get("at").isNull()).isTrue();
        assertThat(Instant.parse(pending.get("effectiveFrom").asText())).isEqualTo(inForce.toInstant());

        JsonNode early = evaluateSample();
        assertThat(Instant.parse(early.get("evaluatedAt").asText())).isBefore(inForce.toInstant());
        assertThat(early.get("ruleSetVersion").asText()).isEqualTo(before);

        Instant giveUp = inForce.toInstant().plusSeconds(60);
        JsonNode late = early;
        while (late.get("ruleSetVersion").asText().equals(before) && Instant.now().isBefore(giveUp)) {
            Thread.sleep(500);
            late = evaluateSample();
        }
        assertThat(late.get("ruleSetVersion").asText()).isEqualTo(uploaded.get("hash").asText());
        assertThat(Instant.parse(late.get("evaluatedAt").asText())).isAfterOrEqualTo(inForce.toInstant());

        JsonNode done = history().get(0);
        assertThat(done.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(done.get("kind").asText()).isEqualTo("approval");
        assertThat(done.get("by").asText()).isEqualTo("reviewer");
        assertThat(done.get("comment").asText()).isEqualTo("按新标准，自下月起施行");
        assertThat(Instant.parse(done.get("at").asText())).isAfterOrEqualTo(inForce.toInstant());
        assertThat(Instant.parse(done.get("approvedAt").asText())).isBefore(inForce.toInstant());
        assertThat(history().get(1).get("status").asText()).isEqualTo("REPLACED");

        // the editor restores the version before: one editor suffices, recorded as a rollback with its reason
        ResponseEntity<JsonNode> rolledBack = activate(editor, before, Map.of("comment", "暂缓执行"));
        assertThat(rolledBack.getStatusCode().value()).as("%s", rolledBack.getBody()).isEqualTo(200);
        JsonNode rollback = history().get(0);
        assertThat(rollback.get("kind").asText()).isEqualTo("rollback");
        assertThat(rollback.get("by").asText()).isEqualTo("editor");
        assertThat(rollback.get("uploader").asText()).isEqualTo(ApiClients.admin(port).get()
                .uri(SET + "/versions/" + before).retrieve().body(JsonNode.class).get("uploader").asText());
        assertThat(rollback.get("comment").asText()).isEqualTo("暂缓执行");
        assertThat(evaluateSample().get("ruleSetVersion").asText()).isEqualTo(before);
    }

    @Test
    void theActivationsAreAnAppendOnlyTrail() {
        assertThatThrownBy(() -> jdbc.sql("UPDATE rule_set_activation SET activated_by = 'someone'").update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM rule_set_activation").update())
                .hasMessageContaining("append-only");
    }

    @Test
    void anUnreadableEffectiveDateIsRefusedNamingTheField() {
        ResponseEntity<JsonNode> refused = activate(ApiClients.reviewer(port), 1,
                Map.of("comment", "审核", "effectiveFrom", "下个月"));
        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(refused.getBody().toString()).contains("effectiveFrom").contains("2027-09-01");
    }

    private JsonNode history() {
        return ApiClients.admin(port).get().uri(SET + "/activations").retrieve().body(JsonNode.class);
    }

    private String activeHash() {
        return ApiClients.admin(port).get().uri("/api/v1/rule-sets").retrieve().body(JsonNode.class)
                .get(0).get("active").get("hash").asText();
    }

    private JsonNode upload(RestClient client, byte[] workbook, String comment) {
        ResponseEntity<JsonNode> response = ApiClients.uploadResourceAllocation(client, workbook, comment);
        assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(201);
        return response.getBody();
    }

    private ResponseEntity<JsonNode> activate(RestClient client, Object version, Map<String, String> body) {
        return client.post().uri(SET + "/versions/" + version + "/activate").contentType(MediaType.APPLICATION_JSON)
                .body(body).retrieve().toEntity(JsonNode.class);
    }

    private JsonNode evaluateSample() {
        return ApiClients.evaluate(ApiClients.admin(port), ApiClients.sample(mapper, "430503"));
    }
}
