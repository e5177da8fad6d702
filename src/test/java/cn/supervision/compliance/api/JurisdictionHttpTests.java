package cn.supervision.compliance.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code GET /api/v1/rule-sets/{ruleSet}/jurisdictions}: the tree a request's jurisdiction is chosen from, as the
 * active version's 管辖区域 sheet defines it, for every rule set (the console's data-entry form offers it).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:http-tests;DB_CLOSE_DELAY=-1")
class JurisdictionHttpTests {

    @LocalServerPort
    int port;

    @ParameterizedTest
    @ValueSource(strings = {"balanced-development", "curriculum", "district-targets"})
    void everyRuleSetListsItsTreeRootFirstWithChineseNames(String ruleSet) {
        JsonNode listing = ApiClients.integratorKey(port).get().uri("/api/v1/rule-sets/" + ruleSet + "/jurisdictions")
                .retrieve().body(JsonNode.class);

        assertThat(listing.get("ruleSet").asText()).isEqualTo(ruleSet);
        assertThat(listing.get("version").asText()).hasSize(64);
        JsonNode nodes = listing.get("jurisdictions");
        assertThat(nodes.get(0).get("code").asText()).isEqualTo("national");
        assertThat(nodes.get(0).get("parent").isNull()).isTrue();
        Map<String, String> parents = new HashMap<>();
        nodes.forEach(node -> {
            assertThat(node.get("name").asText()).as(node.toString()).containsPattern("\\p{IsHan}");
            parents.put(node.get("code").asText(), node.path("parent").asText(null));
        });
        assertThat(parents).containsEntry("daxiang", "shaoyang").containsEntry("shaoyang", "hunan")
                .containsEntry("hunan", "national");
    }

    @Test
    void anUnknownRuleSetIsA404Problem() {
        ResponseEntity<JsonNode> response = ApiClients.integratorKey(port).get()
                .uri("/api/v1/rule-sets/no-such-set/jurisdictions").retrieve().toEntity(JsonNode.class);

        assertThat(response.getStatusCode().value()).isEqualTo(404);
        assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
    }
}
