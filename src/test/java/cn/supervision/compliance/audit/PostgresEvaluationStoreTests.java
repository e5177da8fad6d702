package cn.supervision.compliance.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

import com.fasterxml.jackson.databind.JsonNode;

import cn.supervision.compliance.ComplianceApplication;
import cn.supervision.compliance.api.ApiClients;
import cn.supervision.compliance.ruleset.Workbooks;
import cn.supervision.compliance.system.Role;

/**
 * The audit-trail contract on a real PostgreSQL, through the {@code postgres} profile as production runs it; and a
 * second application instance on the same database, as behind a load balancer, sees what the first one stored and
 * serves the rule-set version activated through the first.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"postgres", "trial"})
class PostgresEvaluationStoreTests extends EvaluationStoreContract {

    private static final String SET = "/api/v1/rule-sets/balanced-development";
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

    private static ConfigurableApplicationContext second;

    /** A second instance on the same database, as behind a load balancer; started once for the tests that need it. */
    private static synchronized int secondInstancePort() {
        if (second == null) {
            second = new SpringApplicationBuilder(ComplianceApplication.class)
                    .profiles("postgres", "trial")
                    .run("--server.port=0", "--COMPLIANCE_DB_URL=" + url, "--COMPLIANCE_DB_USER=postgres",
                            "--COMPLIANCE_DB_PASSWORD=postgres", "--compliance.rules.watch.enabled=false");
        }
        return ((WebServerApplicationContext) second).getWebServer().getPort();
    }

    @AfterAll
    static void stopSecondInstance() {
        if (second != null) {
            second.close();
        }
    }

    @Test
    void anEvaluationStoredThroughOneInstanceIsReadThroughAnother() {
        RestClient first = ApiClients.admin(port);
        RestClient other = ApiClients.admin(secondInstancePort());
        JsonNode stored = first.post().uri("/api/v1/evaluations").contentType(MediaType.APPLICATION_JSON)
                .body(ApiClients.sample(mapper, "TWO-INSTANCES")).retrieve().body(JsonNode.class);
        String id = stored.get("id").asText();

        assertThat(other.get().uri("/api/v1/evaluations/" + id).retrieve().body(JsonNode.class)).isEqualTo(stored);
        assertThat(other.get().uri("/api/v1/evaluations?countyCode=TWO-INSTANCES").retrieve().body(JsonNode.class)
                .get("items").findValuesAsText("id")).containsExactly(id);
        assertThat(other.get().uri("/api/v1/evaluations/" + id + "/trace?indicator=R6&school=S4").retrieve()
                .body(JsonNode.class).toString()).contains("FAILED");
    }

    /**
     * An activation through one instance is in force on the other at its next poll of the shared active pointer
     * (compliance.rules.activation-poll, 3 s by default); a rollback through the other reaches the first the same way.
     */
    @Test
    void anActivationThroughOneInstanceIsInForceOnTheOtherWithinSeconds() {
        RestClient first = ApiClients.as(port, Role.POLICY_EDITOR);
        RestClient other = ApiClients.as(secondInstancePort(), Role.POLICY_EDITOR);
        String before = ApiClients.evaluate(ApiClients.integratorKey(port), ApiClients.sample(mapper, "FOLLOW"))
                .get("ruleSetVersion").asText();
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("file", new ByteArrayResource(Workbooks.withCell(Workbooks.shipped(), "整改措施", "E10", "两个实例的测试")) {
            @Override
            public String getFilename() {
                return Workbooks.RESOURCE_ALLOCATION;
            }
        });
        JsonNode uploaded = first.post().uri(SET + "/versions").contentType(MediaType.MULTIPART_FORM_DATA).body(parts)
                .retrieve().body(JsonNode.class);
        String after = uploaded.get("hash").asText();
        assertThat(after).isNotEqualTo(before);

        ApiClients.activate(ApiClients.reviewer(port), "balanced-development", uploaded.get("sequence").asInt(), "核对无误");
        assertThat(servedVersion(ApiClients.integratorKey(port))).isEqualTo(after);
        assertThat(servedVersionOnceChanged(ApiClients.integratorKey(secondInstancePort()), before)).isEqualTo(after);

        other.post().uri(SET + "/versions/" + before + "/activate").retrieve().toBodilessEntity();
        assertThat(servedVersionOnceChanged(ApiClients.integratorKey(port), after)).isEqualTo(before);
    }

    private String servedVersion(RestClient http) {
        return ApiClients.evaluate(http, ApiClients.sample(mapper, "FOLLOW")).get("ruleSetVersion").asText();
    }

    /** The version an instance evaluates with, asked again until it differs from {@code old} (at most 30 s). */
    private String servedVersionOnceChanged(RestClient http, String old) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        String served = servedVersion(http);
        while (served.equals(old) && System.nanoTime() < deadline) {
            sleep();
            served = servedVersion(http);
        }
        return served;
    }

    private static void sleep() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
