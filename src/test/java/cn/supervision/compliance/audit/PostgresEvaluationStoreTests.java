package cn.supervision.compliance.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import com.fasterxml.jackson.databind.JsonNode;

import cn.supervision.compliance.ComplianceApplication;
import cn.supervision.compliance.api.ApiClients;

/**
 * The audit-trail contract on a real PostgreSQL, through the {@code postgres} profile as production runs it; and a
 * second application instance on the same database, as behind a load balancer, sees what the first one stored.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("postgres")
class PostgresEvaluationStoreTests extends EvaluationStoreContract {

    private static String url;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        url = EmbeddedPostgresDatabase.newDatabase();
        registry.add("COMPLIANCE_DB_URL", () -> url);
        registry.add("COMPLIANCE_DB_USER", () -> "postgres");
        registry.add("COMPLIANCE_DB_PASSWORD", () -> "postgres");
    }

    /**
     * Issue 9 also asks that a rule-set activation made through one instance is in force on every instance within
     * seconds; rule-set versions and the active pointer belong to the rule-editing work (V2), whose test should start
     * its second instance the same way as here.
     */
    @Test
    void anEvaluationStoredThroughOneInstanceIsReadThroughAnother() {
        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(ComplianceApplication.class)
                .profiles("postgres")
                .run("--server.port=0", "--COMPLIANCE_DB_URL=" + url, "--COMPLIANCE_DB_USER=postgres",
                        "--COMPLIANCE_DB_PASSWORD=postgres")) {
            RestClient first = ApiClients.admin(port);
            RestClient other = ApiClients.admin(((WebServerApplicationContext) second).getWebServer().getPort());
            JsonNode stored = first.post().uri("/api/v1/evaluations").contentType(MediaType.APPLICATION_JSON)
                    .body(ApiClients.sample(mapper, "TWO-INSTANCES")).retrieve().body(JsonNode.class);
            String id = stored.get("id").asText();

            assertThat(other.get().uri("/api/v1/evaluations/" + id).retrieve().body(JsonNode.class)).isEqualTo(stored);
            assertThat(other.get().uri("/api/v1/evaluations?countyCode=TWO-INSTANCES").retrieve().body(JsonNode.class)
                    .get("items").findValuesAsText("id")).containsExactly(id);
            assertThat(other.get().uri("/api/v1/evaluations/" + id + "/trace?indicator=R6&school=S4").retrieve()
                    .body(JsonNode.class).toString()).contains("FAILED");
        }
    }
}
