package cn.supervision.compliance.ruleset;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.FileSystemUtils;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.supervision.compliance.ComplianceApplication;
import cn.supervision.compliance.api.ApiClients;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Rule bases start warm: the second start-up on the same H2 file database loads every active rule base from the cache
 * (nothing compiled, the build times kept) and evaluates exactly as the first; a damaged row and a row of another
 * release are not trusted but rebuilt and replaced.
 */
class WarmStartTests {

    private static final Path DATABASE = Path.of("target", "warm-start");
    private static final String SET = "balanced-development";

    @Test
    void theSecondStartLoadsTheCompiledRuleBasesAndACacheThatFailsItsCheckIsRebuilt() throws IOException {
        FileSystemUtils.deleteRecursively(DATABASE);
        Map<String, Instant> coldBuilt;
        JsonNode coldEvaluation;
        try (ConfigurableApplicationContext cold = start()) {
            assertThat(loads(cold, "hit")).isZero();
            coldBuilt = builtAt(cold);
            coldEvaluation = evaluate(cold);
        }

        try (ConfigurableApplicationContext warm = start()) {
            assertThat(loads(warm, "hit")).isEqualTo(coldBuilt.size());
            assertThat(loads(warm, "miss") + loads(warm, "rejected")).isZero();
            assertThat(builtAt(warm)).isEqualTo(coldBuilt);
            assertThat(evaluate(warm)).isEqualTo(coldEvaluation);

            JdbcClient jdbc = warm.getBean(JdbcClient.class);
            byte[] content = jdbc.sql("SELECT content FROM rule_base_cache WHERE rule_set = :set")
                    .param("set", SET).query(byte[].class).single();
            content[content.length / 2] ^= 0x5a;
            jdbc.sql("UPDATE rule_base_cache SET content = :content WHERE rule_set = :set")
                    .param("content", content).param("set", SET).update();
            jdbc.sql("UPDATE rule_base_cache SET engine = 'drools 9.44.0; an earlier release' WHERE rule_set = 'curriculum'")
                    .update();
        }

        try (ConfigurableApplicationContext repaired = start()) {
            assertThat(loads(repaired, "rejected")).isEqualTo(2);
            assertThat(loads(repaired, "hit")).isEqualTo(coldBuilt.size() - 2);
            Map<String, Instant> rebuilt = builtAt(repaired);
            assertThat(rebuilt.get(SET)).isAfter(coldBuilt.get(SET));
            assertThat(rebuilt.get("curriculum")).isAfter(coldBuilt.get("curriculum"));
            assertThat(evaluate(repaired)).isEqualTo(coldEvaluation);
        }

        try (ConfigurableApplicationContext again = start()) {
            assertThat(loads(again, "hit")).isEqualTo(coldBuilt.size());
            assertThat(loads(again, "rejected")).isZero();
        }
    }

    private static ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(ComplianceApplication.class).run("--server.port=0",
                "--compliance.rules.watch.enabled=false",
                "--spring.datasource.url=jdbc:h2:file:./" + DATABASE.resolve("compliance") + ";AUTO_SERVER=FALSE");
    }

    private static double loads(ConfigurableApplicationContext context, String outcome) {
        return context.getBean(MeterRegistry.class).counter(RuleBaseCache.LOADS, "outcome", outcome).count();
    }

    private static Map<String, Instant> builtAt(ConfigurableApplicationContext context) {
        RuleSets ruleSets = context.getBean(RuleSets.class);
        Map<String, Instant> built = new TreeMap<>();
        ruleSets.names().forEach(name -> built.put(name, ruleSets.active(name).builtAt()));
        return built;
    }

    /** The sample county's evaluation, without what differs between any two evaluations (its id and time). */
    private static JsonNode evaluate(ConfigurableApplicationContext context) {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        ObjectNode result = ApiClients.admin(port).post().uri("/api/v1/evaluations")
                .contentType(MediaType.APPLICATION_JSON)
                .body(ApiClients.sample(context.getBean(ObjectMapper.class), "WARM")).retrieve().body(ObjectNode.class);
        result.remove("id");
        result.remove("evaluatedAt");
        return result;
    }
}
