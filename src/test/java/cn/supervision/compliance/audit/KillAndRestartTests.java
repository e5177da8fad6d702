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
import java.util.concurrent.ThreadLocalRandom;
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

import cn.supervision.compliance.api.ApiClients;
import cn.supervision.compliance.ruleset.Workbooks;
import cn.supervision.compliance.system.Role;

/**
 * Nothing acknowledged is lost (issues 6 and 12). The application runs as a child process on each store, H2 as shipped
 * (the file under {@code ./data} of its working directory, with the shipped URL) and PostgreSQL; every round it is
 * started on the same data, {@value #CLIENTS} clients post evaluations while an editor activates two versions in
 * turn, and the process is killed with SIGKILL at a random moment. Then the database must validate with Flyway, hold
 * every evaluation ever answered 201, each complete with its failed-check rows and nothing half-written, and every
 * activation answered 200 (at most the one in flight besides); the restarted service serves the newest activation
 * written. The number of rounds is {@code -Dkill.rounds} (1 in {@code mvn verify}; {@code mvn -Pkill verify} runs 20).
 * Finally, on PostgreSQL, the database turns read-only: writes get a clear 503 problem while reads go on.
 */
class KillAndRestartTests {

    private static final Path FOLDER = Path.of("target", "kill-and-restart");
    private static final int ROUNDS = Integer.getInteger("kill.rounds", 1);
    private static final String SET = "/api/v1/rule-sets/balanced-development";
    /** Copies of the sample county's schools: each evaluation writes a few hundred failed-check rows. */
    private static final int SCHOOL_COPIES = 10;
    private static final int CLIENTS = 8;

    private final ObjectMapper mapper = JsonMapper.builder().findAndAddModules()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    /** A store under test: how the test reads it directly and what the child is started with. */
    private record Store(String name, Path directory, String url, String user, String password, String vendor,
                         List<String> arguments) {
    }

    @Test
    void onH2NothingAcknowledgedIsLost() throws Exception {
        Path directory = fresh("h2");
        Store h2 = new Store("H2", directory, "jdbc:h2:file:" + directory.toAbsolutePath().resolve("data/compliance")
                + ";AUTO_SERVER=FALSE", "sa", "", "h2", List.of());
        try (ChildApplication restarted = killedAndRestarted(h2)) {
            assertThat(restarted.port()).isPositive();
        }
    }

    @Test
    void onPostgresNothingAcknowledgedIsLostAndReadOnlyMeans503ForWrites() throws Exception {
        String url = EmbeddedPostgresDatabase.newDatabase();
        Store postgres = new Store("PostgreSQL", fresh("postgresql"), url, "postgres", "postgres", "postgresql",
                List.of("--spring.profiles.active=postgres,trial", "--spring.datasource.url=" + url,
                        "--spring.datasource.username=postgres", "--spring.datasource.password=postgres"));
        try (ChildApplication restarted = killedAndRestarted(postgres)) {
            RestClient auditor = ApiClients.as(restarted.port(), Role.AUDITOR);
            readOnly(url);
            ResponseEntity<JsonNode> write = ApiClients.integratorKey(restarted.port()).post().uri("/api/v1/evaluations")
                    .contentType(MediaType.APPLICATION_JSON).body(ApiClients.sample(mapper, "READ-ONLY"))
                    .retrieve().toEntity(JsonNode.class);
            assertThat(write.getStatusCode().value()).isEqualTo(503);
            assertThat(write.getHeaders().getContentType()).hasToString("application/problem+json");
            assertThat(write.getBody().get("title").asText()).isEqualTo("存储暂不可用");
            assertThat(write.getBody().toString()).doesNotContain("SQL", "Exception", "postgresql");

            String id = storedIds(postgres).keySet().iterator().next();
            ResponseEntity<JsonNode> read = auditor.get().uri("/api/v1/evaluations/" + id).retrieve().toEntity(JsonNode.class);
            // the answer in the message: a loaded machine once gave a body without id here (status unknown then)
            assertThat(read.getStatusCode().value()).as("%s", read).isEqualTo(200);
            assertThat(read.getBody().get("id").asText()).isEqualTo(id);
            assertThat(auditor.get().uri("/api/v1/evaluations?size=5").retrieve().toBodilessEntity()
                    .getStatusCode().value()).isEqualTo(200);
            assertThat(auditor.get().uri("/api/v1/rule-sets").retrieve().toBodilessEntity().getStatusCode().value())
                    .isEqualTo(200);
        }
    }

    /**
     * {@link #ROUNDS} rounds of start, load, SIGKILL and check on the same data; returns the service started once more
     * after the last kill, already checked to serve the newest activation and every acknowledged evaluation.
     */
    private ChildApplication killedAndRestarted(Store store) throws Exception {
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        String lastGood = null;
        int activationsAcknowledged = 0;
        int activationsFound = 0;
        // activation rows before a round: the start-up's one on a fresh database, then the count after each kill (H2's
        // file is locked while the service runs)
        int activationRows = 1;
        for (int round = 1; round <= ROUNDS; round++) {
            Activations activations;
            int before = acknowledged.size();
            try (ChildApplication child = start(store, "round-" + round)) {
                if (lastGood != null) {
                    assertThat(servedVersion(child, acknowledged)).as("served after restart, round %d", round)
                            .isEqualTo(lastGood);
                }
                activations = new Activations(activationRows, versionsOf(child));
                runUntilKilled(child, acknowledged, activations);
            }
            Map<String, byte[]> stored = storedIds(store);
            long found = acknowledged.stream().filter(stored::containsKey).count();
            activationRows = activations(store);
            int written = activationRows - activations.baseline;
            activationsAcknowledged += activations.acknowledged.size();
            activationsFound += Math.min(written, activations.acknowledged.size());
            System.out.printf("kill test %s round %d/%d: evaluations acknowledged %d (this round %d), found %d, lost %d;"
                            + " activations acknowledged %d, written %d%n", store.name(), round, ROUNDS,
                    acknowledged.size(), acknowledged.size() - before, found, acknowledged.size() - found,
                    activations.acknowledged.size(), written);
            assertConsistent(store, acknowledged, stored);
            lastGood = activations.lastGoodAfterKill(written);
            assertThat(activeInDatabase(store)).isEqualTo(lastGood);
        }
        long found = storedIds(store).keySet().stream().filter(acknowledged::contains).count();
        System.out.printf("kill test %s: %d rounds, evaluations acknowledged %d, found %d; activations acknowledged %d,"
                + " found %d%n", store.name(), ROUNDS, acknowledged.size(), found, activationsAcknowledged, activationsFound);
        ChildApplication restarted = start(store, "restarted");
        assertThat(servedVersion(restarted, acknowledged)).isEqualTo(lastGood);
        RestClient auditor = ApiClients.as(restarted.port(), Role.AUDITOR);
        for (String id : acknowledged.stream().limit(50).toList()) {
            assertThat(auditor.get().uri("/api/v1/evaluations/" + id).retrieve().toBodilessEntity()
                    .getStatusCode().value()).isEqualTo(200);
        }
        return restarted;
    }

    private static Path fresh(String name) throws IOException {
        Path directory = FOLDER.resolve(name);
        FileSystemUtils.deleteRecursively(directory);
        Files.createDirectories(directory);
        return directory;
    }

    private static ChildApplication start(Store store, String name) {
        return ChildApplication.start(store.directory(), store.directory().resolve(name + ".log"),
                store.arguments().toArray(String[]::new));
    }

    /**
     * The database turns read-only, as a full disk or a read-only replica would make it: new sessions may not write,
     * and the service's open connections are cut so that its pool opens new ones.
     */
    private static void readOnly(String url) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, "postgres", "postgres");
             Statement statement = connection.createStatement()) {
            String database = connection.getCatalog();
            statement.execute("ALTER DATABASE " + database + " SET default_transaction_read_only = on");
            statement.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + database
                    + "' AND pid <> pg_backend_pid()");
        }
    }

    /**
     * Drives {@link #CLIENTS} evaluation loops and one activation loop alternating two versions, and kills the process
     * at a random moment once evaluations and an activation have been acknowledged in this round.
     */
    private void runUntilKilled(ChildApplication child, Set<String> acknowledged, Activations activations)
            throws Exception {
        JsonNode county = ApiClients.sampleWithSchoolCopies(mapper, "KILLED", SCHOOL_COPIES);
        AtomicBoolean running = new AtomicBoolean(true);
        CountDownLatch evaluated = new CountDownLatch(CLIENTS);
        CountDownLatch activated = new CountDownLatch(1);
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
        RestClient reviewer = ApiClients.reviewer(child.port()); // the editor uploaded; another editor approves
        clients.submit(() -> {
            while (running.get()) {
                String next = activations.next();
                try {
                    ResponseEntity<JsonNode> response = ApiClients.activate(reviewer, "balanced-development", next, "核对无误");
                    if (response.getStatusCode().value() == 200) {
                        activations.acknowledged(next);
                        activated.countDown();
                    }
                } catch (RuntimeException e) {
                    return;
                }
            }
        });
        assertThat(evaluated.await(3, TimeUnit.MINUTES)).as("evaluations acknowledged before the kill").isTrue();
        assertThat(activated.await(3, TimeUnit.MINUTES)).as("an activation acknowledged before the kill").isTrue();
        Thread.sleep(ThreadLocalRandom.current().nextInt(3000));
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
        String shipped = null;
        for (JsonNode version : editor.get().uri(SET + "/versions").retrieve().body(JsonNode.class)) {
            if (version.get("comment") != null && version.get("comment").asText().equals("启动时从规则集文件夹读取")) {
                shipped = version.get("hash").asText();
            }
        }
        assertThat(shipped).as("the version read from the folders").isNotNull();
        return List.of(uploaded.get("hash").asText(), shipped);
    }

    /** One round's activation loop: which activations were acknowledged, so the surviving pointer can be judged. */
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
        synchronized String lastGoodAfterKill(int written) {
            assertThat(written).as("activation rows written against %d acknowledged", acknowledged.size())
                    .isBetween(acknowledged.size(), acknowledged.size() + 1);
            return written == acknowledged.size() ? acknowledged.get(acknowledged.size() - 1) : inFlight;
        }
    }

    private static Connection connect(Store store) throws SQLException {
        return DriverManager.getConnection(store.url(), store.user(), store.password());
    }

    /** Every stored evaluation by id, with its answer as written (gzip JSON, audit/StoredJson). */
    private static Map<String, byte[]> storedIds(Store store) throws SQLException {
        Map<String, byte[]> results = new HashMap<>();
        try (Connection connection = connect(store); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT id, answer_gzip FROM evaluation")) {
            while (rows.next()) {
                results.put(rows.getString(1), rows.getBytes(2));
            }
        }
        return results;
    }

    /** Flyway validates; every acknowledged evaluation is there; every stored one has exactly its failed-check rows. */
    private void assertConsistent(Store store, Set<String> acknowledged, Map<String, byte[]> results)
            throws SQLException, IOException {
        assertThat(Flyway.configure().dataSource(store.url(), store.user(), store.password())
                .locations("classpath:db/migration", "classpath:db/vendor/" + store.vendor()).load().validateWithResult()
                .validationSuccessful).isTrue();
        Map<String, Integer> failedRows = new HashMap<>();
        try (Connection connection = connect(store); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT evaluation_id, COUNT(*) FROM evaluation_failed_indicator GROUP BY evaluation_id")) {
            while (rows.next()) {
                failedRows.put(rows.getString(1), rows.getInt(2));
            }
        }
        assertThat(results.keySet()).as("acknowledged evaluations stored").containsAll(acknowledged);
        assertThat(results.keySet()).containsAll(failedRows.keySet());
        for (Map.Entry<String, byte[]> stored : results.entrySet()) {
            JsonNode answer = StoredJson.read(mapper, stored.getValue(), JsonNode.class);
            assertThat(failedRows.getOrDefault(stored.getKey(), 0)).as("failed-check rows of %s", stored.getKey())
                    .isEqualTo(failures(answer));
        }
    }

    /** The failures an answer shows: unmet indicators of failing sections, CVs over their limit, failed checks. */
    private static int failures(JsonNode answer) {
        int failures = 0;
        for (JsonNode section : answer.path("sections")) {
            failures += section.get("passed").asBoolean() ? 0 : section.get("indicators").size();
        }
        for (JsonNode variation : answer.path("variation")) {
            failures += variation.path("passed").isBoolean() && !variation.get("passed").asBoolean() ? 1 : 0;
        }
        for (JsonNode check : answer.path("checks")) {
            failures += check.get("verdict").asText().equals("FAILED") ? 1 : 0;
        }
        return failures;
    }

    private static int activations(Store store) throws SQLException {
        try (Connection connection = connect(store); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT COUNT(*) FROM rule_set_activation WHERE rule_set = 'balanced-development'")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private static String activeInDatabase(Store store) throws SQLException {
        try (Connection connection = connect(store); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("""
                     SELECT v.hash FROM rule_set_activation a JOIN rule_set_version v ON v.rule_set = a.rule_set AND v.seq = a.seq
                      WHERE a.rule_set = 'balanced-development' ORDER BY a.id DESC FETCH FIRST 1 ROWS ONLY""")) {
            rows.next();
            return rows.getString(1);
        }
    }

    /** The version an evaluation is served with now (the evaluation is acknowledged like any other). */
    private String servedVersion(ChildApplication child, Set<String> acknowledged) {
        JsonNode result = ApiClients.evaluate(ApiClients.integratorKey(child.port()), ApiClients.sample(mapper, "RESTARTED"));
        acknowledged.add(result.get("id").asText());
        return result.get("ruleSetVersion").asText();
    }
}
