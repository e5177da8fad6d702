package cn.supervision.compliance.perf;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import cn.supervision.compliance.ComplianceApplication;

/**
 * The soak test of issue 21, part 5: the hostile request classes, each within every documented limit, run together
 * against the service as a separate process started the way the README starts it ({@code -Xmx1g
 * -XX:+ExitOnOutOfMemoryError}), while a probe asks for the health check every half second. It prints, per class, the
 * statuses answered, the small evaluations' latency, and the probe's misses; it exits with 1 if the service stopped
 * answering (a probe failed or the process ended).
 *
 * <p>Arguments: the national dataset (docs/performance.md), then optionally {@code seconds=N} (180 by default).
 * Classes: two clients posting 5,000-school counties; ten clients downloading the Excel report of a stored
 * 5,000-school evaluation; four clients uploading a 1.5-million-cell styled-empty template; eight clients posting a
 * 68–72-school county.
 */
public final class Soak {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** One API key per request class, so that each class is a client of its own to the admission's fairness. */
    private static final Map<String, String> KEYS = Map.of(
            "local-integrator", "797447e1e8944aa3614aa6ef90d80c7630adadf39a65fb9309f31808ee00a88a",
            "soak-large", "a2c619494172fed15095f2fb498136871c69d02ccd3bbb5935a6ca5e7856a94c",
            "soak-report", "27e2d97ed314d5b057ac35156111fd57c4ebbbdba35cc5898d62d621903017c8",
            "soak-template", "9770e592bb4b905d45ae124f791876fce2d2729f8efacd65da2fb3c070153574");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final Map<String, Map<Integer, LongAdder>> statuses = new ConcurrentHashMap<>();
    private final List<Long> smallMillis = Collections.synchronizedList(new ArrayList<>());

    private Soak(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    public static void main(String[] args) throws Exception {
        Path dataset = Path.of(args[0]);
        long seconds = List.of(args).stream().filter(a -> a.startsWith("seconds=")).findFirst()
                .map(a -> Long.parseLong(a.substring("seconds=".length()))).orElse(180L);
        byte[] small = smallCounty(dataset);
        byte[] large = largeCounty(dataset, 5_000);
        byte[] hostile = styledEmptyTemplate(75_000, 20);
        System.out.printf(Locale.ROOT, "soak: small county %d KB, 5,000-school county %d KB, hostile template %d KB"
                + " (1.5 M styled empty cells), %d s%n", small.length >> 10, large.length >> 10, hostile.length >> 10, seconds);

        int port = freePort();
        Path directory = Files.createTempDirectory("soak");
        Path log = directory.resolve("service.log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-XX:+ExitOnOutOfMemoryError", "-cp", System.getProperty("java.class.path"),
                ComplianceApplication.class.getName(), "--server.port=" + port, "--server.address=127.0.0.1",
                "--compliance.rules.decision-tables=" + Path.of("decision-tables").toAbsolutePath(),
                "--compliance.rules.drl=" + Path.of("rules").toAbsolutePath(),
                "--compliance.rules.watch.enabled=false", "--logging.level.root=WARN"));
        int index = 0;
        for (var key : new java.util.TreeMap<>(KEYS).entrySet()) {
            String prefix = "--compliance.security.api-keys[" + index++ + "].";
            command.addAll(List.of(prefix + "name=" + key.getKey(), prefix + "sha256=" + key.getValue(),
                    prefix + "roles=" + (key.getKey().equals("soak-report") ? "AUDITOR" : "INTEGRATOR")));
        }
        Process service = new ProcessBuilder(command)
                .directory(directory.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Soak soak = new Soak(port);
        boolean answering;
        try {
            soak.awaitHealthy(service, log);
            String stored = soak.storedLargeEvaluation(large);
            long end = System.nanoTime() + seconds * 1_000_000_000L;
            ExecutorService clients = Executors.newCachedThreadPool();
            for (int i = 0; i < 2; i++) {
                clients.submit(() -> soak.loop(end, "large evaluation", () -> soak.postJson(large, "soak-large-key")));
            }
            for (int i = 0; i < 10; i++) {
                clients.submit(() -> soak.loop(end, "report download", () -> soak.get("/api/v1/evaluations/" + stored
                        + "/report", Duration.ofMinutes(2), "soak-report-key")));
            }
            for (int i = 0; i < 4; i++) {
                clients.submit(() -> soak.loop(end, "hostile template", () -> soak.postTemplate(hostile)));
            }
            for (int i = 0; i < 8; i++) {
                clients.submit(() -> soak.loop(end, "small evaluation", () -> {
                    long start = System.nanoTime();
                    int status = soak.postJson(small, "local-integrator-key");
                    soak.smallMillis.add((System.nanoTime() - start) / 1_000_000);
                    return status;
                }));
            }
            Probe probe = soak.probe(end, service);
            clients.shutdown();
            clients.awaitTermination(seconds + 300, java.util.concurrent.TimeUnit.SECONDS);
            soak.print(probe, service);
            answering = probe.misses.get() == 0 && service.isAlive();
        } finally {
            service.destroy();
            service.waitFor();
        }
        System.exit(answering ? 0 : 1); // after the service is stopped: an exit inside try skips the finally
    }

    private record Probe(AtomicLong asked, AtomicLong misses, AtomicLong longestMillis) {
    }

    /** Every half second until the end: the health check answers 200 within five seconds, or it is a miss. */
    private Probe probe(long end, Process service) throws InterruptedException {
        Probe probe = new Probe(new AtomicLong(), new AtomicLong(), new AtomicLong());
        HttpRequest health = HttpRequest.newBuilder(URI.create(base + "/actuator/health"))
                .timeout(Duration.ofSeconds(5)).build();
        while (System.nanoTime() < end && service.isAlive()) {
            long start = System.nanoTime();
            probe.asked.incrementAndGet();
            try {
                if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() != 200) {
                    probe.misses.incrementAndGet();
                }
            } catch (IOException e) {
                probe.misses.incrementAndGet();
            }
            probe.longestMillis.accumulateAndGet((System.nanoTime() - start) / 1_000_000, Math::max);
            Thread.sleep(500);
        }
        if (!service.isAlive()) {
            probe.misses.incrementAndGet();
        }
        return probe;
    }

    private interface Call {
        int status() throws Exception;
    }

    private void loop(long end, String what, Call call) {
        while (System.nanoTime() < end) {
            int status;
            try {
                status = call.status();
            } catch (Exception e) {
                status = -1; // no answer at all (connection refused or reset, timeout)
            }
            statuses.computeIfAbsent(what, k -> new ConcurrentHashMap<>())
                    .computeIfAbsent(status, k -> new LongAdder()).increment();
            if (status == 503 || status == 429) {
                sleep(200); // a client honouring Retry-After would wait longer; this one presses
            }
        }
    }

    private int postJson(byte[] body, String key) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/evaluations"))
                .header("X-API-Key", key).header("Content-Type", "application/json")
                .timeout(Duration.ofMinutes(2)).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private int get(String path, Duration timeout, String key) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).header("X-API-Key", key)
                .timeout(timeout).build();
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        return response.statusCode();
    }

    private int postTemplate(byte[] workbook) throws IOException, InterruptedException {
        String boundary = UUID.randomUUID().toString();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"county.xlsx\""
                + "\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(workbook);
        body.writeBytes(("\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"ruleSet\"\r\n\r\n"
                + "balanced-development\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/evaluations"))
                .header("X-API-Key", "soak-template-key").header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .timeout(Duration.ofMinutes(2)).POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private String storedLargeEvaluation(byte[] large) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/evaluations"))
                .header("X-API-Key", "soak-large-key").header("Content-Type", "application/json")
                .timeout(Duration.ofMinutes(5)).POST(HttpRequest.BodyPublishers.ofByteArray(large)).build();
        long start = System.nanoTime();
        HttpResponse<byte[]> answer = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (answer.statusCode() != 201) {
            throw new IllegalStateException("the 5,000-school county was answered " + answer.statusCode() + ": "
                    + new String(answer.body(), StandardCharsets.UTF_8));
        }
        System.out.printf(Locale.ROOT, "soak: one 5,000-school county alone: %.1f s, default answer %,d KB%n",
                (System.nanoTime() - start) / 1e9, answer.body().length >> 10);
        return JSON.readTree(answer.body()).get("id").asText();
    }

    private void print(Probe probe, Process service) {
        statuses.forEach((what, counts) -> System.out.printf(Locale.ROOT, "soak: %-17s %s%n", what, new java.util.TreeMap<>(
                counts.entrySet().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey,
                        e -> e.getValue().sum())))));
        List<Long> millis;
        synchronized (smallMillis) {
            millis = new ArrayList<>(smallMillis);
        }
        Collections.sort(millis);
        if (!millis.isEmpty()) {
            System.out.printf(Locale.ROOT, "soak: small evaluation latency p50 %d ms, p99 %d ms, max %d ms (%d answered)%n",
                    millis.get(millis.size() / 2), millis.get((int) (millis.size() * 0.99)), millis.get(millis.size() - 1),
                    millis.size());
        }
        System.out.printf(Locale.ROOT, "soak: health probe %d asked, %d missed, slowest %d ms; service process %s%n",
                probe.asked.get(), probe.misses.get(), probe.longestMillis.get(),
                service.isAlive() ? "alive" : "ended with " + service.exitValue());
    }

    private void awaitHealthy(Process service, Path log) throws InterruptedException {
        HttpRequest health = HttpRequest.newBuilder(URI.create(base + "/actuator/health")).build();
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (System.nanoTime() < deadline) {
            if (!service.isAlive()) {
                throw new IllegalStateException("the service exited with " + service.exitValue() + "; see " + log);
            }
            try {
                if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the service did not become healthy; see " + log);
    }

    /** The first county of the dataset with 68–72 schools, as a request. */
    private static byte[] smallCounty(Path dataset) throws IOException {
        try (BufferedReader lines = Files.newBufferedReader(dataset)) {
            for (String line; (line = lines.readLine()) != null; ) {
                int schools = JSON.readTree(line).get("subject").get("schools").size();
                if (schools >= 68 && schools <= 72) {
                    return line.getBytes(StandardCharsets.UTF_8);
                }
            }
        }
        throw new IllegalArgumentException("no county of 68–72 schools in " + dataset);
    }

    /** A county of {@code size} schools made of the dataset's schools under new ids, as a request. */
    private static byte[] largeCounty(Path dataset, int size) throws IOException {
        ObjectNode request = null;
        ArrayNode schools = JSON.createArrayNode();
        try (BufferedReader lines = Files.newBufferedReader(dataset)) {
            for (String line; schools.size() < size && (line = lines.readLine()) != null; ) {
                ObjectNode county = (ObjectNode) JSON.readTree(line);
                request = request == null ? county : request;
                for (var school : county.get("subject").get("schools")) {
                    if (schools.size() < size) {
                        schools.add(((ObjectNode) school.deepCopy()).put("id", "L" + schools.size()));
                    }
                }
            }
        }
        ((ObjectNode) request.get("subject")).set("schools", schools);
        return JSON.writeValueAsBytes(request);
    }

    private static byte[] styledEmptyTemplate(int rows, int columns) throws IOException {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(100)) {
            CellStyle style = workbook.createCellStyle();
            style.setWrapText(true);
            Sheet sheet = workbook.createSheet("学校数据");
            for (int r = 0; r < rows; r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < columns; c++) {
                    row.createCell(c).setCellStyle(style);
                }
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            workbook.write(bytes);
            workbook.dispose();
            return bytes.toByteArray();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
