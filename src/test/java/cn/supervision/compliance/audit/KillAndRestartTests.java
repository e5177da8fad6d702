package cn.supervision.compliance.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.FileSystemUtils;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.supervision.compliance.api.ApiClients;
import cn.supervision.compliance.evaluation.EvaluationResult;
import cn.supervision.compliance.ruleset.Workbooks;
import cn.supervision.compliance.system.Role;

/**
 * Faults (issue 6): the application runs as a child process on PostgreSQL (the production database) and is killed
 * with SIGKILL while evaluations of a large county and rule-set activations are being written; afterwards the database
 * validates with Flyway, holds every acknowledged evaluation complete with its failed-check rows and nothing
 * half-written, and the restarted service serves the newest activation written (every acknowledged one, and at most
 * the one in flight). Then the database turns read-only: writes get a clear 503 problem while reads go on.
 * (The embedded H2 file database is not used here: a SIGKILL of the process that embeds it can corrupt its file, H2
 * issues 4383 and 4123, seen in this very test as "Chunk 17 not found"; H2 is for a local trial only.)
 */
class KillAndRestartTests {

    private static final Path FOLDER = Path.of("target", "kill-and-restart");
    private static final String URL = EmbeddedPostgresDatabase.newDatabase();
    private static final String SET = "/api/v1/rule-sets/balanced-development";
    /** Copies of the sample county's schools: big enough that a kill lands while evaluations are being written. */
    private static final int SCHOOL_COPIES = 60;
    private static final int CLIENTS = 6;

    private final ObjectMapper mapper = JsonMapper.builder().findAndAddModules()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    @Test
    void killedDuringEvaluationsAndActivationsTheDatabaseStaysConsistentAndReadOnlyMeans503ForWrites()
            throws Exception {
        FileSystemUtils.deleteRecursively(FOLDER);
        Files.createDirectories(FOLDER);
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();

        Activations activations;
        try (ChildApplication first = start("first")) {
            activations = new Activations(activations(), versionsOf(first));
            runUntilKilled(first, acknowledged, activations);
        }
        assertConsistent(acknowledged);
        String lastGood = activations.lastGoodAfterKill(activations());
        assertThat(activeInDatabase()).isEqualTo(lastGood);

        try (ChildApplication restarted = start("restarted")) {
            assertThat(servedVersion(restarted)).isEqualTo(lastGood);
            RestClient auditor = ApiClients.as(restarted.port(), Role.AUDITOR);
            for (String id : acknowledged) {
                assertThat(auditor.get().uri("/api/v1/evaluations/" + id).retrieve().toBodilessEntity()
                        .getStatusCode().value()).isEqualTo(200);
            }

            readOnly();
            ResponseEntity<JsonNode> write = ApiClients.integratorKey(restarted.port()).post().uri("/api/v1/evaluations")
                    .contentType(MediaType.APPLICATION_JSON).body(ApiClients.sample(mapper, "READ-ONLY"))
                    .retrieve().toEntity(JsonNode.class);
            assertThat(write.getStatusCode().value()).isEqualTo(503);
            assertThat(write.getHeaders().getContentType()).hasToString("application/problem+json");
            assertThat(write.getBody().get("title").asText()).isEqualTo("Storage unavailable");
            assertThat(write.getBody().toString()).doesNotContain("SQL", "Exception", "postgresql");

            String id = acknowledged.iterator().next();
            assertThat(auditor.get().uri("/api/v1/evaluations/" + id).retrieve().body(JsonNode.class).get("id").asText())
                    .isEqualTo(id);
            assertThat(auditor.get().uri("/api/v1/evaluations?size=5").retrieve().toBodilessEntity()
                    .getStatusCode().value()).isEqualTo(200);
            assertThat(auditor.get().uri("/api/v1/rule-sets").retrieve().toBodilessEntity().getStatusCode().value())
                    .isEqualTo(200);
        }
    }

    private static ChildApplication start(String name) {
        return ChildApplication.start(URL, FOLDER.resolve(name + ".log"), "--spring.profiles.active=postgres",
                "--spring.datasource.username=postgres", "--spring.datasource.password=postgres");
    }

    /**
     * The database turns read-only, as a full disk or a read-only replica would make it: new sessions may not write,
     * and the service's open connections are cut so that its pool opens new ones.
     */
    private static void readOnly() throws SQLException {
        try (Connection connection = DriverManager.getConnection(URL, "postgres", "postgres");
             Statement statement = connection.createStatement()) {
            String database = connection.getCatalog();
            statement.execute("ALTER DATABASE " + database + " SET default_transaction_read_only = on");
            statement.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + database
                    + "' AND pid <> pg_backend_pid()");
        }
    }

    /**
     * Drives {@link #CLIENTS} evaluation loops and one activation loop alternating two versions, and kills the process
     * once several evaluations and activations have been acknowledged, with more of both in flight.
     */
    private void runUntilKilled(ChildApplication child, Set<String> acknowledged, Activations activations)
            throws Exception {
        JsonNode county = largeCounty();
        AtomicBoolean running = new AtomicBoolean(true);
        CountDownLatch evaluated = new CountDownLatch(CLIENTS);
        CountDownLatch activated = new CountDownLatch(3);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS + 1);
        RestClient integrator = ApiClients.integratorKey(child.port());
        for (int i = 0; i < CLIENTS; i++) {
            clients.submit(() -> {
                while (running.get()) {
                    try {
                        ResponseEntity<JsonNode> response = integrator.post().uri("/api/v1/evaluations")
                                .contentType(MediaType.APPLICATION_JSON).body(county).retrieve().toEntity(JsonNode.class);
                        if (response.getStatusCode().value() == 201) {
                            acknowledged.add(response.getBody().get("id").asText());
                            evaluated.countDown();
                        }
                    } catch (RuntimeException e) {
                        return; // the connection died with the process
                    }
                }
            });
        }
        RestClient editor = ApiClients.as(child.port(), Role.POLICY_EDITOR);
        clients.submit(() -> {
            while (running.get()) {
                String next = activations.next();
                try {
                    ResponseEntity<JsonNode> response = editor.post().uri(SET + "/versions/" + next + "/activate")
                            .retrieve().toEntity(JsonNode.class);
                    if (response.getStatusCode().value() == 200) {
                        activations.acknowledged(next);
                        activated.countDown();
                    }
                } catch (RuntimeException e) {
                    return;
                }
            }
        });
        assertThat(evaluated.await(5, TimeUnit.MINUTES)).as("evaluations acknowledged before the kill").isTrue();
        assertThat(activated.await(1, TimeUnit.MINUTES)).as("activations acknowledged before the kill").isTrue();
        child.kill();
        running.set(false);
        clients.shutdown();
        assertThat(clients.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
    }

    /** Two versions of the rule set (the shipped one and one with a changed source text), by hash. */
    private static List<String> versionsOf(ChildApplication child) {
        RestClient editor = ApiClients.as(child.port(), Role.POLICY_EDITOR);
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("file", new ByteArrayResource(Workbooks.withCell(Workbooks.shipped(), "整改措施", "E10", "故障测试")) {
            @Override
            public String getFilename() {
                return Workbooks.RESOURCE_ALLOCATION;
            }
        });
        JsonNode uploaded = editor.post().uri(SET + "/versions").contentType(MediaType.MULTIPART_FORM_DATA).body(parts)
                .retrieve().body(JsonNode.class);
        JsonNode active = editor.get().uri(SET + "/versions").retrieve().body(JsonNode.class);
        String shipped = null;
        for (JsonNode version : active) {
            if (version.get("active").asBoolean()) {
                shipped = version.get("hash").asText();
            }
        }
        return List.of(uploaded.get("hash").asText(), shipped);
    }

    /** The activation loop's record: which activations were acknowledged, so the surviving pointer can be judged. */
    private static final class Activations {
        private final int baseline;
        private final List<String> versions;
        private final List<String> acknowledged = new ArrayList<>();
        private volatile String inFlight;

        Activations(int baseline, List<String> versions) {
            this.baseline = baseline;
            this.versions = versions;
        }

        String next() {
            inFlight = versions.get(acknowledged.size() % 2);
            return inFlight;
        }

        synchronized void acknowledged(String version) {
            acknowledged.add(version);
        }

        /**
         * Every acknowledged activation was written; at most the one in flight was written too. The active version is
         * the newest written: the last acknowledged, or the one in flight if its row made it.
         */
        synchronized String lastGoodAfterKill(int activationsWritten) {
            assertThat(activationsWritten - baseline).isBetween(acknowledged.size(), acknowledged.size() + 1);
            return activationsWritten - baseline == acknowledged.size() ? acknowledged.get(acknowledged.size() - 1) : inFlight;
        }
    }

    /** Flyway validates; every acknowledged evaluation is there; every stored one has exactly its failed-check rows. */
    private void assertConsistent(Set<String> acknowledged) throws SQLException, IOException {
        assertThat(Flyway.configure().dataSource(URL, "postgres", "postgres")
                .locations("classpath:db/migration", "classpath:db/vendor/postgresql").load().validateWithResult()
                .validationSuccessful).isTrue();
        Map<String, Integer> failedRows = new HashMap<>();
        Map<String, String> results = new HashMap<>();
        try (Connection connection = DriverManager.getConnection(URL, "postgres", "postgres");
             Statement statement = connection.createStatement()) {
            try (ResultSet rows = statement.executeQuery(
                    "SELECT evaluation_id, COUNT(*) FROM evaluation_failed_indicator GROUP BY evaluation_id")) {
                while (rows.next()) {
                    failedRows.put(rows.getString(1), rows.getInt(2));
                }
            }
            try (ResultSet rows = statement.executeQuery("SELECT id, result_json FROM evaluation")) {
                while (rows.next()) {
                    results.put(rows.getString(1), rows.getString(2));
                }
            }
        }
        assertThat(results.keySet()).containsAll(acknowledged);
        assertThat(results.keySet()).containsAll(failedRows.keySet());
        for (Map.Entry<String, String> stored : results.entrySet()) {
            EvaluationResult result = mapper.readValue(stored.getValue(), EvaluationResult.class);
            assertThat(failedRows.getOrDefault(stored.getKey(), 0)).as("failed-check rows of %s", stored.getKey())
                    .isEqualTo(FailedCheck.of(result).size());
        }
    }

    private static int activations() throws SQLException {
        try (Connection connection = DriverManager.getConnection(URL, "postgres", "postgres");
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM rule_set_activation WHERE rule_set = 'balanced-development'")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private static String activeInDatabase() throws SQLException {
        try (Connection connection = DriverManager.getConnection(URL, "postgres", "postgres");
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("""
                     SELECT v.hash FROM rule_set_activation a JOIN rule_set_version v ON v.rule_set = a.rule_set AND v.seq = a.seq
                      WHERE a.rule_set = 'balanced-development' ORDER BY a.id DESC FETCH FIRST 1 ROWS ONLY""")) {
            rows.next();
            return rows.getString(1);
        }
    }

    private String servedVersion(ChildApplication child) {
        return ApiClients.evaluate(ApiClients.integratorKey(child.port()), ApiClients.sample(mapper, "RESTARTED"))
                .get("ruleSetVersion").asText();
    }

    /** The sample county with its schools copied {@link #SCHOOL_COPIES} times under new ids. */
    private JsonNode largeCounty() {
        ObjectNode request = ApiClients.sample(mapper, "KILLED");
        ArrayNode schools = (ArrayNode) request.get("subject").get("schools");
        List<JsonNode> originals = new ArrayList<>();
        schools.forEach(originals::add);
        for (int copy = 1; copy < SCHOOL_COPIES; copy++) {
            for (JsonNode school : originals) {
                ObjectNode copied = school.deepCopy();
                copied.put("id", school.get("id").asText() + "-" + copy);
                schools.add(copied);
            }
        }
        return request;
    }
}
