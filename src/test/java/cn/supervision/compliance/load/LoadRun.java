package cn.supervision.compliance.load;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.FileSystemUtils;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.supervision.compliance.ComplianceApplication;
import cn.supervision.compliance.api.ApiClients;
import cn.supervision.compliance.ruleset.Workbooks;
import cn.supervision.compliance.system.Role;

/**
 * The load test (not part of {@code mvn verify}): starts the application on loopback with a fresh H2 file database
 * under target/, drives mixed traffic for a bounded time and request count — evaluations with the integrator's API
 * key, auditors' reads, and a rule-set upload and activation halfway — then stops and reports throughput, latency
 * percentiles, errors and memory as Markdown (stdout and target/load-test.md). Run with {@code mvn -B -Pload verify}
 * or see the README; system properties {@code load.seconds}, {@code load.maxRequests}, {@code load.evaluators},
 * {@code load.readers} change the defaults, and {@code load.writeDelay} H2's WRITE_DELAY (0 as shipped; 500, H2's own
 * default, measures what storing every commit costs).
 */
public final class LoadRun {

    private static final Path DATABASE = Path.of("target", "load-test");
    private static final String SET = "/api/v1/rule-sets/balanced-development";
    private static final String REFUSED = ": refused (503, Retry-After)";

    private final Map<String, Queue<Long>> latencies = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> errors = new ConcurrentHashMap<>();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong peakHeap = new AtomicLong();
    private final List<String> storedIds = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, AtomicInteger> evaluationsByVersion = new ConcurrentHashMap<>();

    private LoadRun() {
    }

    public static void main(String[] args) throws Exception {
        new LoadRun().run(Duration.ofSeconds(Long.getLong("load.seconds", 60)), Long.getLong("load.maxRequests", 20_000),
                Integer.getInteger("load.evaluators", 4), Integer.getInteger("load.readers", 2));
        System.exit(0);
    }

    private void run(Duration duration, long maxRequests, int evaluators, int readers) throws Exception {
        FileSystemUtils.deleteRecursively(DATABASE);
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(ComplianceApplication.class)
                .run("--server.port=0", "--server.address=127.0.0.1", "--compliance.rules.watch.enabled=false",
                        "--logging.level.root=WARN",
                        "--spring.datasource.url=jdbc:h2:file:./" + DATABASE.resolve("compliance") + ";AUTO_SERVER=FALSE"
                                + ";WRITE_DELAY=" + Integer.getInteger("load.writeDelay", 0))) {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            ObjectMapper mapper = app.getBean(ObjectMapper.class);
            ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
            sampler.scheduleAtFixedRate(() -> peakHeap.accumulateAndGet(usedHeap(), Math::max), 0, 100, TimeUnit.MILLISECONDS);
            long gcBefore = gcCount();

            long deadline = System.nanoTime() + duration.toNanos();
            Supplier<Boolean> going = () -> System.nanoTime() < deadline && requests.get() < maxRequests;
            ExecutorService clients = Executors.newFixedThreadPool(evaluators + readers + 1);
            Instant start = Instant.now();
            long started = System.nanoTime();
            AtomicInteger counties = new AtomicInteger();
            for (int i = 0; i < evaluators; i++) {
                RestClient integrator = ApiClients.integratorKey(port);
                clients.submit(() -> {
                    while (going.get()) {
                        JsonNode county = ApiClients.sample(mapper, "LOAD-" + counties.incrementAndGet() % 100);
                        ResponseEntity<JsonNode> response = timed("evaluate (API key)", 201, () -> integrator.post()
                                .uri("/api/v1/evaluations").contentType(MediaType.APPLICATION_JSON).body(county)
                                .retrieve().toEntity(JsonNode.class));
                        if (response != null) {
                            storedIds.add(response.getBody().get("id").asText());
                            evaluationsByVersion.computeIfAbsent(response.getBody().get("ruleSetVersion").asText()
                                    .substring(0, 12), v -> new AtomicInteger()).incrementAndGet();
                        }
                    }
                });
            }
            for (int i = 0; i < readers; i++) {
                RestClient auditor = ApiClients.as(port, Role.AUDITOR);
                clients.submit(() -> {
                    int n = 0;
                    while (going.get()) {
                        timed("list evaluations (auditor)", 200, () -> auditor.get()
                                .uri("/api/v1/evaluations?countyCode=LOAD-" + counties.get() % 100).retrieve().toEntity(JsonNode.class));
                        String id = storedIds.isEmpty() ? null : storedIds.get(Math.floorMod(n++ * 31, storedIds.size()));
                        if (id != null) {
                            timed("read one evaluation (auditor)", 200, () -> auditor.get().uri("/api/v1/evaluations/" + id)
                                    .retrieve().toEntity(JsonNode.class));
                            timed("trace R6 of S4 (auditor)", 200, () -> auditor.get()
                                    .uri("/api/v1/evaluations/" + id + "/trace?indicator=R6&school=S4").retrieve().toEntity(JsonNode.class));
                        }
                    }
                });
            }
            RestClient editor = ApiClients.as(port, Role.POLICY_EDITOR);
            RestClient reviewer = ApiClients.reviewer(port);
            clients.submit(() -> {
                sleepUntil(started + duration.toNanos() / 2);
                ResponseEntity<JsonNode> uploaded = timed("upload a rule-set version (editor)", 201, () -> editor.post()
                        .uri(SET + "/versions").contentType(MediaType.MULTIPART_FORM_DATA).body(editedWorkbook())
                        .retrieve().toEntity(JsonNode.class));
                if (uploaded != null) {
                    timed("activate it (reviewer)", 200, () -> ApiClients.activate(reviewer, "balanced-development",
                            uploaded.getBody().get("sequence").asInt(), "load test: approved while traffic runs"));
                }
            });
            clients.shutdown();
            clients.awaitTermination(duration.toSeconds() + 120, TimeUnit.SECONDS);
            Duration elapsed = Duration.between(start, Instant.now());
            sampler.shutdownNow();
            String report = report(elapsed, evaluators, readers, maxRequests, duration, gcCount() - gcBefore);
            System.out.println(report);
            Files.writeString(Path.of("target", "load-test.md"), report, StandardCharsets.UTF_8);
        }
    }

    /**
     * One request, its latency recorded under its kind; null (and an error counted) unless the status is expected. A
     * request refused by admission control (503 with {@code Retry-After}) is recorded apart, is no error, and its client
     * waits as long as the answer asks before its next request, as a well-behaved client does.
     */
    private ResponseEntity<JsonNode> timed(String kind, int expected, Supplier<ResponseEntity<JsonNode>> call) {
        requests.incrementAndGet();
        long begin = System.nanoTime();
        ResponseEntity<JsonNode> response;
        try {
            response = call.get();
        } catch (RuntimeException e) {
            response = null;
        }
        long took = System.nanoTime() - begin;
        String retryAfter = response == null ? null : response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER);
        if (response != null && response.getStatusCode().value() == 503 && retryAfter != null) {
            latencies.computeIfAbsent(kind + REFUSED, k -> new ConcurrentLinkedQueue<>()).add(took);
            sleepUntil(System.nanoTime() + TimeUnit.SECONDS.toNanos(Long.parseLong(retryAfter)));
            return null;
        }
        latencies.computeIfAbsent(kind, k -> new ConcurrentLinkedQueue<>()).add(took);
        if (response == null || response.getStatusCode().value() != expected) {
            errors.computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet();
            return null;
        }
        return response;
    }

    private static MultiValueMap<String, Object> editedWorkbook() {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("file", new ByteArrayResource(Workbooks.withCell(Workbooks.shipped(), "整改措施", "E10", "负载测试中的新版本")) {
            @Override
            public String getFilename() {
                return Workbooks.RESOURCE_ALLOCATION;
            }
        });
        parts.add("comment", "load test: activated while traffic runs");
        return parts;
    }

    private String report(Duration elapsed, int evaluators, int readers, long maxRequests, Duration limit, long gcs) {
        StringBuilder out = new StringBuilder();
        long total = latencies.values().stream().mapToLong(Queue::size).sum();
        int errorCount = errors.values().stream().mapToInt(AtomicInteger::get).sum();
        double seconds = elapsed.toMillis() / 1000d;
        out.append(String.format(Locale.ROOT, "%d requests in %.1f s: %.1f requests/s, %d errors%n%n", total, seconds,
                total / seconds, errorCount));
        out.append(String.format(Locale.ROOT, "Clients: %d evaluating (API key), %d reading (auditor), 1 editor uploading "
                + "and activating a version halfway; limits %d s or %d requests.%n%n", evaluators, readers,
                limit.toSeconds(), maxRequests));
        out.append("| request | count | errors | per s | p50 ms | p90 ms | p99 ms | max ms |\n");
        out.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
        latencies.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> {
            List<Long> sorted = new ArrayList<>(entry.getValue());
            Collections.sort(sorted);
            out.append(String.format(Locale.ROOT, "| %s | %d | %d | %.1f | %.1f | %.1f | %.1f | %.1f |%n", entry.getKey(),
                    sorted.size(), errors.getOrDefault(entry.getKey(), new AtomicInteger()).get(), sorted.size() / seconds,
                    millis(percentile(sorted, 50)), millis(percentile(sorted, 90)), millis(percentile(sorted, 99)),
                    millis(sorted.get(sorted.size() - 1))));
        });
        long admitted = latencies.getOrDefault("evaluate (API key)", new ConcurrentLinkedQueue<>()).size();
        long refused = latencies.getOrDefault("evaluate (API key)" + REFUSED, new ConcurrentLinkedQueue<>()).size();
        out.append(String.format(Locale.ROOT, "%nEvaluations refused by admission control: %d of %d (%.1f %%); the"
                + " evaluate row holds only the admitted.%n", refused, admitted + refused,
                100d * refused / Math.max(1, admitted + refused)));
        out.append("\nEvaluations by rule-set version (hash prefix): ").append(new TreeMap<>(evaluationsByVersion))
                .append('\n');
        Runtime runtime = Runtime.getRuntime();
        out.append(String.format(Locale.ROOT, "%nMemory (one JVM holds the service and the clients): peak heap used "
                + "%d MB of %d MB max; %d garbage collections during the run.%n", peakHeap.get() >> 20,
                runtime.maxMemory() >> 20, gcs));
        return out.toString();
    }

    private static long percentile(List<Long> sorted, int percent) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percent / 100d * sorted.size()) - 1));
    }

    private static double millis(long nanos) {
        return nanos / 1_000_000d;
    }

    private static long usedHeap() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long gcCount() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
    }

    private static void sleepUntil(long nanoTime) {
        try {
            long wait = nanoTime - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
