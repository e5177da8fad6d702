package cn.supervision.compliance.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One decision and one mapping for a rule set that does not exist: named in the path it is a 404 problem, named in a
 * body field or a parameter it is a 400 naming that field; the message lists the rule sets there are.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:http-tests;DB_CLOSE_DELAY=-1")
class UnknownRuleSetTests {

    @LocalServerPort
    int port;

    @ParameterizedTest
    @ValueSource(strings = {"/versions", "/versions/1", "/versions/1/impact", "/indicators",
            "/workbooks/resource-allocation.xlsx", "/versions/1/workbooks/resource-allocation.xlsx"})
    void inThePathItIsA404(String path) {
        ResponseEntity<JsonNode> response = get("/api/v1/rule-sets/no-such-set" + path);
        assertThat(response.getStatusCode().value()).isEqualTo(404);
        assertThat(response.getBody().get("detail").asText()).contains("no-such-set").contains("balanced-development");
    }

    @Test
    void inTheRequestBodyItIsA400NamingTheField() {
        ResponseEntity<JsonNode> response = ApiClients.admin(port).post().uri("/api/v1/evaluations")
                .contentType(MediaType.APPLICATION_JSON).body("{\"ruleSet\":\"no-such-set\",\"subject\":{}}")
                .exchange((request, answer) -> ResponseEntity.status(answer.getStatusCode()).body(answer.bodyTo(JsonNode.class)));
        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getBody().toString()).contains("\"field\":\"ruleSet\"").contains("no-such-set");
    }

    private ResponseEntity<JsonNode> get(String uri) {
        return ApiClients.admin(port).get().uri(uri)
                .exchange((request, answer) -> ResponseEntity.status(answer.getStatusCode()).body(answer.bodyTo(JsonNode.class)));
    }
}
