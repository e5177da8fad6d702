package cn.supervision.compliance.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.supervision.compliance.ComplianceApplication;
import cn.supervision.compliance.api.ApiClients;

/** An evaluation stored in the H2 file database is still there, unchanged, after the application stops and starts. */
class RestartSurvivalTests {

    private static final Path DATABASE = Path.of("target", "restart-survival");

    private static ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(ComplianceApplication.class)
                .run("--server.port=0",
                        "--spring.datasource.url=jdbc:h2:file:./" + DATABASE.resolve("compliance") + ";AUTO_SERVER=FALSE");
    }

    private static RestClient http(ConfigurableApplicationContext context) {
        return ApiClients.admin(((WebServerApplicationContext) context).getWebServer().getPort());
    }

    @Test
    void anEvaluationSurvivesARestart() throws IOException {
        deleteDatabase();
        assertThat(DATABASE).doesNotExist();
        JsonNode stored;
        try (ConfigurableApplicationContext first = start()) {
            ObjectMapper mapper = first.getBean(ObjectMapper.class);
            stored = http(first).post().uri("/api/v1/evaluations").contentType(MediaType.APPLICATION_JSON)
                    .body(ApiClients.sample(mapper, "RESTART")).retrieve().body(JsonNode.class);
        }
        String id = stored.get("id").asText();
        assertThat(DATABASE.resolve("compliance.mv.db")).exists();

        try (ConfigurableApplicationContext second = start()) {
            RestClient http = http(second);
            assertThat(http.get().uri("/api/v1/evaluations/" + id).retrieve().body(JsonNode.class)).isEqualTo(stored);
            assertThat(http.get().uri("/api/v1/evaluations?countyCode=RESTART&failedIndicator=R6").retrieve()
                    .body(JsonNode.class).get("items").findValuesAsText("id")).containsExactly(id);
        }
    }

    private static void deleteDatabase() throws IOException {
        if (Files.exists(DATABASE)) {
            try (Stream<Path> files = Files.walk(DATABASE)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }
}
