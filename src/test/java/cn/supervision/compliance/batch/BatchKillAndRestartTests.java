package cn.supervision.compliance.batch;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.util.FileSystemUtils;
import org.springframework.web.client.RestClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import cn.supervision.compliance.api.ApiClients;
import cn.supervision.compliance.audit.ChildApplication;
import cn.supervision.compliance.audit.EmbeddedPostgresDatabase;
import cn.supervision.compliance.system.Role;

/**
 * A batch survives the death of its instance (issue 13): the application runs as a child process, a batch of
 * {@value #COUNTIES} counties is submitted, the process is killed with SIGKILL once some counties are stored and
 * before all are, and the application is started again on the same database. The job must finish by itself, with
 * every county evaluated exactly once into the audit trail (one {@code evaluation} row per county code) and the
 * summary counting all of them. On H2 as shipped and on PostgreSQL; and with two instances on one PostgreSQL, the
 * one running the job is killed and the other finishes it.
 */
class BatchKillAndRestartTests {

    private static final Path FOLDER = Path.of("target", "batch-kill");
    private static final int COUNTIES = 60;
    /** Copies of the sample county's eight schools: a county of 40 schools takes long enough to be killed midway. */
    private static final int SCHOOL_COPIES = 5;
    /** Small chunks and partitions, quick polls and a short staleness: the round stays short. */
    private static final List<String> BATCH_SETTINGS = List.of("--compliance.batch.chunk-size=3",
            "--compliance.batch.partitions=6",
            "--compliance.batch.poll-interval=200ms", "--compliance.batch.stale-after=3s");

    private final ObjectMapper mapper = JsonMapper.builder().findAndAddModules().build();

    private record Store(String name, Path directory, String url, String user, String password, List<String> arguments) {
    }

    @Test
    void onH2AKilledBatchResumesAndEvaluatesEveryCountyOnce() throws Exception {
        Path directory = fresh("h2");
        killedAndResumed(new Store("H2", directory, "jdbc:h2:file:" + directory.toAbsolutePath()
                .resolve("data/compliance") + ";AUTO_SERVER=FALSE", "sa", "", List.of()), "KH");
    }

    @Test
    void onPostgresAKilledBatchResumesAndEvaluatesEveryCountyOnce() throws Exception {
        String url = EmbeddedPostgresDatabase.newDatabase();
        killedAndResumed(new Store("PostgreSQL", fresh("postgresql"), url, "postgres", "postgres", postgres(url)),
                "KP");
    }

    /**
     * Two instances on one PostgreSQL share a batch; the one running the job (the manager, which also evaluates
     * partitions) is killed once both have stored counties. The job finishes on the survivor, without a restart of
     * the killed one: the job's message and the killed instance's partition messages were held by row locks of its
     * database sessions, which PostgreSQL releases when the process dies, so the survivor's job worker takes the job,
     * stops the orphaned execution and restarts it (completed partitions skipped, the others resumed from their last
     * committed chunk).
     */
    @Test
    void twoInstancesOnOnePostgresShareABatchAndTheSurvivorFinishesItWhenTheManagerIsKilled() throws Exception {
        String url = EmbeddedPostgresDatabase.newDatabase();
        Store store = new Store("PostgreSQL", fresh("two-instances"), url, "postgres", "postgres", postgres(url));
        try (ChildApplication first = start(store, "first", "--compliance.batch.threads=1");
             ChildApplication second = start(store, "second", "--compliance.batch.threads=1")) {
            String id = submit(first, "K2");
            ChildApplication manager = awaitManager(store, id, first, second);
            ChildApplication survivor = manager == first ? second : first;
            Map<String, Integer> beforeKill = awaitBothEvaluated(store, id);
            manager.kill();
            JsonNode progress = awaitEnd(ApiClients.integratorKey(survivor.port()), id);
            JsonNode summary = ApiClients.as(survivor.port(), Role.AUDITOR).get()
                    .uri("/api/v1/batches/" + id + "/summary").retrieve().body(JsonNode.class);
            Map<String, Integer> byInstance = countiesByInstance(store, id);
            System.out.printf("batch two instances: per instance when the manager (pid %d) was killed %s, at the end"
                    + " %s%n", manager.pid(), beforeKill, byInstance);
            assertThat(progress.get("status").asText()).isEqualTo("DONE");
            assertThat(progress.get("done").asInt()).isEqualTo(COUNTIES);
            assertEveryCountyOnce(store, id, "K2");
            assertThat(summary.get("evaluated").asInt()).isEqualTo(COUNTIES);
            assertThat(evaluatedBy(survivor, byInstance)).as("counties the survivor evaluated, more after the kill")
                    .isGreaterThan(evaluatedBy(survivor, beforeKill));
            assertThat(evaluatedBy(manager, byInstance)).as("counties the killed manager had stored").isPositive();
        }
    }

    private void killedAndResumed(Store store, String prefix) throws Exception {
        String id;
        int doneAtKill;
        try (ChildApplication child = start(store, "killed", "--compliance.batch.threads=2")) {
            id = submit(child, prefix);
            doneAtKill = awaitSomeDone(ApiClients.integratorKey(child.port()), id);
            child.kill();
        }
        JsonNode progress;
        JsonNode summary;
        try (ChildApplication restarted = start(store, "restarted", "--compliance.batch.threads=2")) {
            progress = awaitEnd(ApiClients.integratorKey(restarted.port()), id);
            summary = ApiClients.as(restarted.port(), Role.AUDITOR).get().uri("/api/v1/batches/" + id + "/summary")
                    .retrieve().body(JsonNode.class);
        }
        // read once the service has stopped (H2's file is locked while it runs)
        System.out.printf("batch kill test %s: %d of %d counties done when killed; after the restart %s, %d done,"
                        + " %d evaluations in the audit trail%n", store.name(), doneAtKill, COUNTIES,
                progress.get("status").asText(), progress.get("done").asInt(),
                evaluationsPerCounty(store, prefix).values().stream().mapToInt(Integer::intValue).sum());
        assertThat(progress.get("status").asText()).isEqualTo("DONE");
        assertThat(progress.get("done").asInt()).isEqualTo(COUNTIES);
        assertEveryCountyOnce(store, id, prefix);
        assertThat(summary.get("evaluated").asInt()).isEqualTo(COUNTIES);
        assertThat(summary.get("invalid")).isEmpty();
    }

    private void assertEveryCountyOnce(Store store, String id, String prefix) throws SQLException {
        Map<String, Integer> perCounty = evaluationsPerCounty(store, prefix);
        assertThat(perCounty.keySet()).as("counties in the audit trail")
                .containsExactlyInAnyOrderElementsOf(IntStream.range(0, COUNTIES).mapToObj(i -> code(prefix, i)).toList());
        assertThat(perCounty).as("evaluations per county").allSatisfy((county, count) -> assertThat(count).isOne());
        assertThat(countiesByInstance(store, id).values().stream().mapToInt(Integer::intValue).sum())
                .isEqualTo(COUNTIES);
    }

    /** The instance that launched the batch's job (Spring Batch logs the launch), so manager of its partitions. */
    private static ChildApplication awaitManager(Store store, String id, ChildApplication... instances)
            throws Exception {
        for (int attempt = 0; attempt < 600; attempt++) {
            for (ChildApplication instance : instances) {
                Path log = store.directory().resolve((instance == instances[0] ? "first" : "second") + ".log");
                if (Files.readAllLines(log).stream()
                        .anyMatch(line -> line.contains("launched with the following parameters") && line.contains(id))) {
                    return instance;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no instance launched the job of batch " + id);
    }

    /** Waits until both instances have stored counties of the batch, before it has ended; returns the counts. */
    private static Map<String, Integer> awaitBothEvaluated(Store store, String id) throws Exception {
        for (int attempt = 0; attempt < 3000; attempt++) {
            Map<String, Integer> byInstance = countiesByInstance(store, id);
            if (byInstance.size() == 2) {
                assertThat(byInstance.values().stream().mapToInt(Integer::intValue).sum())
                        .as("counties done when the manager is killed").isLessThan(COUNTIES);
                return byInstance;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the two instances did not both evaluate counties of batch " + id);
    }

    /** How many counties an instance evaluated, by the name it records ({@code pid@host}) in {@code evaluated_by}. */
    private static int evaluatedBy(ChildApplication child, Map<String, Integer> byInstance) {
        return byInstance.entrySet().stream().filter(entry -> entry.getKey().startsWith(child.pid() + "@"))
                .mapToInt(Map.Entry::getValue).sum();
    }

    private static List<String> postgres(String url) {
        return List.of("--spring.profiles.active=postgres,trial", "--spring.datasource.url=" + url,
                "--spring.datasource.username=postgres", "--spring.datasource.password=postgres");
    }

    private static Path fresh(String name) throws Exception {
        Path directory = FOLDER.resolve(name);
        FileSystemUtils.deleteRecursively(directory);
        Files.createDirectories(directory);
        return directory;
    }

    private static ChildApplication start(Store store, String name, String... more) {
        List<String> arguments = new ArrayList<>(store.arguments());
        arguments.addAll(BATCH_SETTINGS);
        arguments.addAll(List.of(more));
        return ChildApplication.start(store.directory(), store.directory().resolve(name + ".log"),
                arguments.toArray(String[]::new));
    }

    private String submit(ChildApplication child, String prefix) throws Exception {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < COUNTIES; i++) {
            lines.append(mapper.writeValueAsString(ApiClients.sampleWithSchoolCopies(mapper, code(prefix, i), SCHOOL_COPIES))).append('\n');
        }
        return ApiClients.integratorKey(child.port()).post().uri("/api/v1/batches?ruleSet=balanced-development")
                .contentType(MediaType.parseMediaType("application/x-ndjson")).body(lines.toString()).retrieve()
                .body(JsonNode.class).get("id").asText();
    }

    private static String code(String prefix, int county) {
        return String.format("%s-%03d", prefix, county);
    }

    /** Waits until some counties are stored and returns how many; the batch must not have finished yet. */
    private static int awaitSomeDone(RestClient client, String id) throws InterruptedException {
        for (int attempt = 0; attempt < 3000; attempt++) {
            JsonNode progress = client.get().uri("/api/v1/batches/" + id).retrieve().body(JsonNode.class);
            int done = progress.get("done").asInt();
            if (done >= 6) {
                assertThat(done).as("counties done when the process is killed").isLessThan(COUNTIES);
                return done;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("batch " + id + " stored no county");
    }

    /** Follows the batch until it has ended (a poll, not a timing assertion: a slow machine only waits longer). */
    private static JsonNode awaitEnd(RestClient client, String id) throws InterruptedException {
        for (int attempt = 0; attempt < 3000; attempt++) {
            JsonNode progress = client.get().uri("/api/v1/batches/" + id).retrieve().body(JsonNode.class);
            String status = progress.get("status").asText();
            if (status.equals("DONE") || status.equals("FAILED")) {
                return progress;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("batch " + id + " did not end");
    }

    private static Map<String, Integer> evaluationsPerCounty(Store store, String prefix) throws SQLException {
        return counts(store, "SELECT subject_code, COUNT(*) FROM evaluation WHERE subject_code LIKE '" + prefix
                + "-%' GROUP BY subject_code");
    }

    private static Map<String, Integer> countiesByInstance(Store store, String id) throws SQLException {
        return counts(store, "SELECT evaluated_by, COUNT(*) FROM batch_county WHERE batch_id = '" + id
                + "' GROUP BY evaluated_by");
    }

    private static Map<String, Integer> counts(Store store, String query) throws SQLException {
        Map<String, Integer> counts = new HashMap<>();
        try (Connection connection = DriverManager.getConnection(store.url(), store.user(), store.password());
             Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(query)) {
            while (rows.next()) {
                counts.put(rows.getString(1), rows.getInt(2));
            }
        }
        return counts;
    }
}
