package cn.supervision.compliance.ruleset;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.supervision.compliance.ComplianceApplication;
import cn.supervision.compliance.api.ApiClients;

/**
 * A database from an earlier release whose active version no longer passes this release's checks (here: a code row
 * that writes text into the rule, as workbooks did before cell text became data) does not stop the service: the
 * version of the folders' files is activated in its place, and activating the old one again is refused by cell.
 */
class ReleaseUpgradeTests {

    private static final Path DATABASE = Path.of("target", "release-upgrade");
    private static final String SET = "balanced-development";

    @Test
    void anActiveVersionThatNoLongerBuildsIsReplacedByTheFoldersVersionAtStartUp() throws IOException {
        delete(DATABASE);
        int old;
        try (ConfigurableApplicationContext first = start()) {
            RuleSetVersionStore store = first.getBean(RuleSetVersionStore.class);
            List<RuleSetFile> files = store.files(SET, 1).stream().map(f -> f.name().equals(Workbooks.RESOURCE_ALLOCATION)
                    ? new RuleSetFile(f.kind(), f.name(), Workbooks.withCell(f.content(), "整改措施", "B8",
                    "Remedy.Draft remedy = Remedy.draft($c, drools.getRule().getName()).measures(\"$param\");"))
                    : f).toList();
            old = store.save(SET, RuleSetCompiler.hash(files), "earlier release", "stored before the upgrade", files,
                    List.of(), List.of());
            store.activate(SET, old, "earlier release");
        }

        try (ConfigurableApplicationContext second = start()) {
            RestClient http = ApiClients.admin(((WebServerApplicationContext) second).getWebServer().getPort());
            JsonNode active = active(http);
            assertThat(active.get("sequence").asInt()).isEqualTo(1);
            ResponseEntity<JsonNode> evaluation = http.post().uri("/api/v1/evaluations")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(ApiClients.sample(second.getBean(ObjectMapper.class), "UPGRADE")).retrieve().toEntity(JsonNode.class);
            assertThat(evaluation.getStatusCode().value()).isEqualTo(201);

            ResponseEntity<JsonNode> again = http.post().uri("/api/v1/rule-sets/" + SET + "/versions/" + old + "/activate")
                    .exchange((request, response) -> ResponseEntity.status(response.getStatusCode())
                            .body(response.bodyTo(JsonNode.class)));
            assertThat(again.getStatusCode().value()).isEqualTo(422);
            assertThat(again.getBody().toString()).contains("整改措施").contains("B8");
            assertThat(active(http).get("sequence").asInt()).isEqualTo(1);
        }
    }

    private static JsonNode active(RestClient http) {
        for (JsonNode summary : http.get().uri("/api/v1/rule-sets").retrieve().body(JsonNode.class)) {
            if (summary.get("name").asText().equals(SET)) {
                return summary.get("active");
            }
        }
        throw new AssertionError("no rule set " + SET);
    }

    private static ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(ComplianceApplication.class).run("--server.port=0",
                "--compliance.rules.watch.enabled=false",
                "--spring.datasource.url=jdbc:h2:file:./" + DATABASE.resolve("compliance") + ";AUTO_SERVER=FALSE");
    }

    private static void delete(Path folder) throws IOException {
        if (Files.exists(folder)) {
            try (Stream<Path> files = Files.walk(folder)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }
}
