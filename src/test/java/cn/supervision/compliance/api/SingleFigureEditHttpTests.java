package cn.supervision.compliance.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import com.fasterxml.jackson.databind.JsonNode;

import cn.supervision.compliance.system.Role;

/**
 * Issue 22, point 7, over real HTTP on H2: the figures in force are read from the active version's rows with the cell
 * of each; one figure changed in the browser becomes a version through the same upload (its change, its tests), is
 * refused to an editor whose node does not hold the row, and waits for another editor's approval. The context is
 * shared with {@link ActivationHistoryHttpTests}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.datasource.url=jdbc:h2:mem:activation-history;DB_CLOSE_DELAY=-1",
                      "compliance.rules.watch.enabled=false", "compliance.rules.activation-poll=300ms"})
class SingleFigureEditHttpTests {

    private static final String SET = "/api/v1/rule-sets/balanced-development";

    @LocalServerPort
    int port;

    @Test
    void oneFigureChangedInTheBrowserIsAnUploadApprovedByAnotherEditor() {
        JsonNode r6 = figure(SET, "R6", "小学");
        assertThat(r6.get("jurisdiction").asText()).isEqualTo("national");
        assertThat(r6.get("sheet").asText()).isEqualTo("资源配置标准");
        String before = r6.get("figure").asText();
        String after = before.equals("≥1900") ? "≥1950" : "≥1900";

        ResponseEntity<JsonNode> edited = edit(ApiClients.as(port, Role.POLICY_EDITOR), Map.of(
                "workbook", r6.get("workbook").asText(), "sheet", "资源配置标准", "row", r6.get("row").asInt(),
                "column", "标准（要求）", "value", after, "comment", "R6 小学 调整为 " + after));
        assertThat(edited.getStatusCode().value()).as("%s", edited.getBody()).isEqualTo(201);
        JsonNode version = edited.getBody();
        assertThat(version.get("uploader").asText()).isEqualTo("editor");
        assertThat(version.get("active").asBoolean()).isFalse();
        assertThat(version.get("changes")).singleElement().satisfies(change -> {
            assertThat(change.get("cell").asText()).isEqualTo(r6.get("cell").asText());
            assertThat(change.get("before").asText()).isEqualTo(before);
            assertThat(change.get("after").asText()).isEqualTo(after);
        });
        assertThat(version.get("testResults").findValuesAsText("passed")).containsOnly("true");

        int sequence = version.get("sequence").asInt();
        assertThat(ApiClients.activate(ApiClients.as(port, Role.POLICY_EDITOR), "balanced-development", sequence,
                "自己审核").getStatusCode().value()).isEqualTo(403);
        assertThat(ApiClients.activate(ApiClients.reviewer(port), "balanced-development", sequence, "核对无误")
                .getStatusCode().value()).isEqualTo(200);
        assertThat(figure(SET, "R6", "小学").get("figure").asText()).isEqualTo(after);
    }

    @Test
    void anEditorOfDaxiangCannotChangeANationalFigureAndAMissingColumnIsNamed() {
        ResponseEntity<JsonNode> created = ApiClients.admin(port).post().uri("/api/v1/accounts")
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("username", "daxiang-figures",
                        "password", "node-password", "roles", List.of("POLICY_EDITOR"), "jurisdiction", "daxiang"))
                .retrieve().toEntity(JsonNode.class);
        assertThat(created.getStatusCode().value()).as("%s", created.getBody()).isEqualTo(201);
        JsonNode r6 = figure(SET, "R6", "初中");
        Map<String, Object> body = new HashMap<>(Map.of("workbook", r6.get("workbook").asText(),
                "sheet", r6.get("sheet").asText(), "row", r6.get("row").asInt(), "column", r6.get("column").asText(),
                "value", "≥2400"));

        ResponseEntity<JsonNode> refused = edit(ApiClients.basic(port, "daxiang-figures", "node-password"), body);
        assertThat(refused.getStatusCode().value()).isEqualTo(403);
        assertThat(refused.getBody().get("cells").findValuesAsText("cell")).containsExactly(r6.get("cell").asText());

        body.put("column", "标准值");
        ResponseEntity<JsonNode> noColumn = edit(ApiClients.as(port, Role.POLICY_EDITOR), body);
        assertThat(noColumn.getStatusCode().value()).isEqualTo(400);
        assertThat(noColumn.getBody().toString()).contains("column").contains("标准值");
    }

    @Test
    void theFiguresOfANodeAreListedWithTheirNode() {
        JsonNode c01 = figure("/api/v1/rule-sets/curriculum", "C01", null);
        assertThat(c01.get("jurisdiction").asText()).isEqualTo("daxing");
        assertThat(c01.get("figure").asText()).isEqualTo("≥11%");
    }

    private JsonNode figure(String set, String indicator, String stage) {
        JsonNode figures = ApiClients.admin(port).get().uri(set + "/figures").retrieve().body(JsonNode.class);
        for (JsonNode figure : figures.get("figures")) {
            if (figure.get("indicator").asText().equals(indicator)
                    && (stage == null || stage.equals(figure.get("stage").asText()))) {
                return figure;
            }
        }
        throw new AssertionError("no figure " + indicator + " " + stage + " in " + figures);
    }

    private ResponseEntity<JsonNode> edit(RestClient client, Map<String, ?> body) {
        return client.post().uri(SET + "/edits").contentType(MediaType.APPLICATION_JSON).body(body)
                .retrieve().toEntity(JsonNode.class);
    }
}
