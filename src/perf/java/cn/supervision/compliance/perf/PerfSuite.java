package cn.supervision.compliance.perf;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.supervision.compliance.ComplianceApplication;
import cn.supervision.compliance.audit.ChildApplication;
import cn.supervision.compliance.audit.EmbeddedPostgresDatabase;
import cn.supervision.compliance.balanced.CountyBody;
import cn.supervision.compliance.balanced.EngineProbe;
import cn.supervision.compliance.evaluation.EvaluationRequest;
import cn.supervision.compliance.evaluation.EvaluationResult;
import cn.supervision.compliance.evaluation.Evaluations;
import cn.supervision.compliance.balanced.CountySubject;
import cn.supervision.compliance.balanced.SchoolInput;
import cn.supervision.compliance.ruleset.CompiledRuleSet;
import cn.supervision.compliance.ruleset.RuleSetBuilder;
import cn.supervision.compliance.ruleset.ShippedRuleSets;
import cn.supervision.compliance.ruleset.RuleSetProperties;
import cn.supervision.compliance.ruleset.RuleSetSources;
import cn.supervision.compliance.ruleset.RuleSets;

/**
 * The benchmark suite (docs/performance.md), in one run: (1) rule engine vs plain Java on the national dataset,
 * (2) building the rule base and rebuilding it after a one-cell edit, (3) the national batch end to end over HTTP with
 * findings stored, and its heap, (4) one county of about 70 schools over REST: its answer's size (compact and full,
 * plain and gzipped) and stored size, then 1, 8 and 32 clients.
 * A harness of its own rather than JMH: the quantities are seconds-long, whole-system runs measured once each after a
 * warm-up, not microbenchmarks. Arguments: dataset file, then optionally the parts to run (engine, build, batch, rest;
 * all by default) and {@code counties=N} to run the engine comparison on the first N counties only.
 */
public final class PerfSuite {

    private static final String RULE_SET = "balanced-development";
    private static final String API_KEY = "local-integrator-key";

    private final ObjectMapper mapper;
    private final JdbcClient jdbc;
    private final RuleSets ruleSets;
    private final int port;
    private final Path dataset;
    private final int engineCounties;

    private PerfSuite(ConfigurableApplicationContext context, Path dataset, int engineCounties) {
        this.engineCounties = engineCounties;
        this.mapper = context.getBean(ObjectMapper.class);
        this.jdbc = context.getBean(JdbcClient.class);
        this.ruleSets = context.getBean(RuleSets.class);
        this.port = Integer.parseInt(Objects.requireNonNull(context.getEnvironment().getProperty("local.server.port")));
        this.dataset = dataset;
    }

    public static void main(String[] args) throws Exception {
        Path dataset = Path.of(args.length > 0 ? args[0] : "/tmp/national.jsonl");
        List<String> options = Arrays.asList(args).subList(Math.min(1, args.length), args.length);
        Set<String> parts = options.stream().anyMatch(o -> !o.contains("=")) ? Set.copyOf(options)
                : Set.of("engine", "build", "batch", "rest");
        int engineCounties = options.stream().filter(o -> o.startsWith("counties=")).findFirst()
                .map(o -> Integer.parseInt(o.substring("counties=".length()))).orElse(Integer.MAX_VALUE);
        if (!Files.exists(dataset)) {
            throw new IllegalArgumentException(dataset + " does not exist: generate it first (docs/performance.md)");
        }
        Path database = Files.createTempDirectory("perf-db");
        System.out.printf("machine: %d processors, max heap %d MB, %s %s, %s%n", Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.vm.name"),
                System.getProperty("java.version"), System.getProperty("os.name"));
        boolean postgres = options.contains("db=postgres");
        int instances = options.stream().filter(o -> o.startsWith("instances=")).findFirst()
                .map(o -> Integer.parseInt(o.substring("instances=".length()))).orElse(1);
        List<String> store = new ArrayList<>();
        if (postgres) {
            // a real PostgreSQL (embedded binaries, a fresh database) shared by every instance of the run
            String url = EmbeddedPostgresDatabase.newDatabase();
            store.addAll(List.of("--spring.profiles.active=postgres,trial", "--spring.datasource.url=" + url,
                    "--spring.datasource.username=postgres", "--spring.datasource.password=postgres"));
        } else if (instances > 1) {
            throw new IllegalArgumentException("instances=" + instances + " needs db=postgres: H2 is one process's");
        } else {
            store.add("--spring.datasource.url=jdbc:h2:file:" + database.resolve("compliance"));
        }
        System.out.printf("store: %s, %d instance(s)%n", postgres ? "PostgreSQL (embedded)" : "H2 file", instances);
        List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--compliance.rules.watch.enabled=false",
                "--logging.level.root=WARN", "--spring.main.banner-mode=off"));
        arguments.addAll(store);
        ConfigurableApplicationContext context = SpringApplication.run(ComplianceApplication.class,
                arguments.toArray(String[]::new));
        // further instances as processes of their own on the same database, heap as the benchmark's own
        List<ChildApplication> others = new ArrayList<>();
        for (int i = 1; i < instances; i++) {
            List<String> child = new ArrayList<>(store);
            child.add("--logging.level.root=WARN");
            others.add(ChildApplication.startWithHeap((Runtime.getRuntime().maxMemory() >> 20) + "m", database,
                    database.resolve("instance-" + i + ".log"), child.toArray(String[]::new)));
            System.out.printf(Locale.ROOT, "instance %d: started, process CPU %.1f s%n", others.get(i - 1).pid(),
                    cpuSeconds(others.get(i - 1)));
        }
        try {
            PerfSuite suite = new PerfSuite(context, dataset, engineCounties);
            if (parts.contains("engine")) {
                suite.engineAgainstPlainJava();
            }
            if (parts.contains("build")) {
                suite.ruleBaseBuild();
            }
            if (parts.contains("batch")) {
                suite.nationalBatch();
            }
            if (parts.contains("large")) {
                suite.largeCounties();
            }
            if (parts.contains("serialise")) {
                suite.serialisation(context);
            }
            if (parts.contains("rest")) {
                suite.restLatency();
            }
        } finally {
            for (ChildApplication other : others) {
                System.out.printf(Locale.ROOT, "instance %d: process CPU %.1f s at the end%n", other.pid(),
                        cpuSeconds(other));
                other.close();
            }
            context.close();
            try (Stream<Path> files = Files.walk(database)) {
                files.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
            }
        }
    }

    // (1) ---------------------------------------------------------------------------------------------------------

    private void engineAgainstPlainJava() throws IOException {
        List<CountySubject> counties = new ArrayList<>();
        try (BufferedReader lines = Files.newBufferedReader(dataset)) {
            for (String line; counties.size() < engineCounties && (line = lines.readLine()) != null; ) {
                counties.add(mapper.treeToValue(mapper.readTree(line).get("subject"), CountySubject.class));
            }
        }
        CompiledRuleSet rules = ruleSets.active(RULE_SET);
        int warmUp = Math.min(300, counties.size());
        for (int round = 0; round < 2; round++) {
            for (CountySubject county : counties.subList(0, warmUp)) {
                EngineProbe.evaluate(rules, "national", county);
                PlainJavaAllocation.evaluate(county);
            }
        }
        int mismatches = 0;
        for (CountySubject county : counties) {
            mismatches += compare(EngineProbe.evaluate(rules, "national", county), PlainJavaAllocation.evaluate(county));
        }
        EvaluationResult sample = EngineProbe.evaluate(rules, "national", counties.get(0));
        System.out.printf(Locale.ROOT, "engine: county %s (%d schools): %d rules fired, result JSON %d KB%n",
                sample.subject().code(), counties.get(0).schools().size(), sample.firedRules().size(),
                mapper.writeValueAsString(sample).length() >> 10);
        long[] plain = timeWithCpu(() -> counties.forEach(PlainJavaAllocation::evaluate));
        long[] session = timeWithCpu(() -> counties.forEach(c -> EngineProbe.session(rules, "national", c)));
        long[] engine = timeWithCpu(() -> counties.forEach(c -> EngineProbe.evaluate(rules, "national", c)));
        long schools = counties.stream().mapToLong(c -> c.schools().size()).sum();
        System.out.printf(Locale.ROOT, "engine: %d counties, %d schools, single thread; findings differing from plain"
                + " Java: %d%n", counties.size(), schools, mismatches);
        report("plain Java", plain, plain, counties.size());
        report("Drools sessions only", session, plain, counties.size());
        report("sessions + API result", engine, plain, counties.size());
    }

    /** Wall and CPU time of the thread: CPU time is what a shared, busy machine distorts least. */
    /**
     * Counties of 1,000, 2,500 and 5,000 schools (the documented maximum), made of the national dataset's schools under
     * new ids: session and result on one thread, thread CPU, twice each (the second is reported), so that the cost per
     * school shows whether it grows with the county.
     */
    private void largeCounties() throws IOException {
        List<SchoolInput> schools = new ArrayList<>();
        CountySubject first = null;
        try (BufferedReader lines = Files.newBufferedReader(dataset)) {
            for (String line; schools.size() < 5_000 && (line = lines.readLine()) != null; ) {
                CountySubject county = mapper.treeToValue(mapper.readTree(line).get("subject"), CountySubject.class);
                first = first == null ? county : first;
                for (SchoolInput school : county.schools()) {
                    schools.add(new SchoolInput("L" + schools.size(), school.name(), school.type(), school.sections(),
                            school.teachingAreaM2(), school.sportsAreaM2(), school.equipmentValueYuan()));
                }
            }
        }
        CompiledRuleSet rules = ruleSets.active(RULE_SET);
        for (int size : new int[] {1_000, 2_500, 5_000}) {
            CountySubject county = new CountySubject(first.countyCode(), first.countyName(), first.year(),
                    List.copyOf(schools.subList(0, Math.min(size, schools.size()))));
            long[] time = null;
            EvaluationResult[] result = new EvaluationResult[1];
            for (int round = 0; round < 2; round++) {
                time = timeWithCpu(() -> result[0] = EngineProbe.evaluate(rules, "national", county));
            }
            System.out.printf(Locale.ROOT, "large: %,d schools: session + result wall %.2f s, thread CPU %.2f s"
                            + " (%.2f ms per school), %,d rules fired, full result JSON %,d KB; load average %.1f%n",
                    county.schools().size(), time[0] / 1e9, time[1] / 1e9, time[1] / 1e6 / county.schools().size(),
                    result[0].firedRules().size(), mapper.writeValueAsBytes(result[0]).length >> 10, loadAverage());
            System.out.println("large: firings by sheet or DRL file: " + result[0].firedRules().stream().collect(
                    java.util.stream.Collectors.groupingBy(o -> o.sheet() != null ? o.sheet() : o.workbook(),
                            java.util.TreeMap::new, java.util.stream.Collectors.counting())));
        }
    }

    private static void report(String what, long[] time, long[] baseline, int counties) {
        System.out.printf(Locale.ROOT, "engine: %-22s wall %6.2f s (%5.2f ms/county, ratio %.1fx), CPU %6.2f s"
                        + " (%5.2f ms/county, ratio %.1fx)%n", what, time[0] / 1e9, time[0] / 1e6 / counties,
                (double) time[0] / baseline[0], time[1] / 1e9, time[1] / 1e6 / counties, (double) time[1] / baseline[1]);
    }

    private static long[] timeWithCpu(Runnable work) {
        long cpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        long wall = time(work);
        return new long[] {wall, ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu};
    }

    /** The number of section and CV verdicts on which the rule engine and the plain-Java baseline disagree. */
    private static int compare(EvaluationResult result, PlainJavaAllocation.Findings plain) {
        CountyBody engine = (CountyBody) result.body();
        int differences = Math.abs(engine.sections().size() - plain.sections().size());
        for (int i = 0; i < Math.min(engine.sections().size(), plain.sections().size()); i++) {
            CountyBody.SectionResult e = engine.sections().get(i);
            PlainJavaAllocation.SectionFinding p = plain.sections().get(i);
            boolean same = e.schoolId().equals(p.schoolId()) && e.stage() == p.stage() && e.passed() == p.passed()
                    && e.indicators().size() == p.met().size()
                    && e.indicators().stream().allMatch(ind -> Objects.equals(p.met().get(ind.code()), ind.met()));
            differences += same ? 0 : 1;
        }
        for (PlainJavaAllocation.VariationFinding p : plain.variation()) {
            boolean same = engine.variation().stream().anyMatch(e -> e.stage() == p.stage()
                    && e.indicator().equals(p.indicator()) && e.applicable() == p.applicable()
                    && Objects.equals(e.passed(), p.passed())
                    && (p.cv() == null || e.cv() != null && e.cv().compareTo(p.cv()) == 0));
            differences += same ? 0 : 1;
        }
        return differences + Math.abs(engine.variation().size() - plain.variation().size());
    }

    // (2) ---------------------------------------------------------------------------------------------------------

    /**
     * A cold build is a new builder's (nothing compiled before); a rebuild is the service's builder after the shipped
     * files were built once, each of the three after a new one-cell edit (a value it has never compiled), so the
     * builder reuses the unchanged sheets' compiled packages and compiles only the edited sheet (core2 lane).
     */
    private void ruleBaseBuild() throws IOException {
        RuleSetSources shipped = new RuleSetSources(new RuleSetProperties(Path.of("decision-tables"), Path.of("rules")));
        long first = time(() -> ShippedRuleSets.builder().build(RULE_SET, shipped.read(RULE_SET)));
        long[] again = new long[3];
        for (int i = 0; i < again.length; i++) {
            again[i] = time(() -> ShippedRuleSets.builder().build(RULE_SET, shipped.read(RULE_SET)));
        }
        Path copy = Files.createTempDirectory("perf-tables");
        Path folder = Files.createDirectories(copy.resolve(RULE_SET));
        try (Stream<Path> files = Files.list(Path.of("decision-tables", RULE_SET))) {
            for (Path file : files.toList()) {
                Files.copy(file, folder.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        RuleSetBuilder service = ShippedRuleSets.builder();
        service.build(RULE_SET, shipped.read(RULE_SET));
        RuleSetSources editedSources = new RuleSetSources(new RuleSetProperties(copy, Path.of("rules")));
        long[] rebuild = new long[3];
        String edited = null;
        for (int i = 0; i < rebuild.length; i++) {
            edited = editOneCell(folder.resolve("resource-allocation.xlsx"));
            rebuild[i] = time(() -> service.build(RULE_SET, editedSources.read(RULE_SET)));
        }
        Arrays.sort(again);
        Arrays.sort(rebuild);
        System.out.printf(Locale.ROOT, "build: cold (a new builder) first %.2f s, then median of 3 %.2f s (min %.2f)%n",
                first / 1e9, again[1] / 1e9, again[0] / 1e9);
        System.out.printf(Locale.ROOT, "build: after a one-cell edit (last: %s), each a new value, median of 3 %.2f s "
                + "(min %.2f)%n", edited, rebuild[1] / 1e9, rebuild[0] / 1e9);
    }

    /** Changes the first numeric threshold text found in a data row (e.g. "≥4.2" → "≥4.3"); returns what changed. */
    private static String editOneCell(Path workbookFile) throws IOException {
        Workbook workbook;
        try (InputStream in = Files.newInputStream(workbookFile)) {
            workbook = WorkbookFactory.create(in);
        }
        try (workbook) {
            for (Sheet sheet : workbook) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        if (cell.getCellType() == CellType.STRING && cell.getStringCellValue().matches("≥\\d+\\.\\d")) {
                            String before = cell.getStringCellValue();
                            String after = before.substring(0, before.length() - 1)
                                    + (char) (before.charAt(before.length() - 1) == '9' ? '8' : before.charAt(before.length() - 1) + 1);
                            cell.setCellValue(after);
                            try (OutputStream out = Files.newOutputStream(workbookFile)) {
                                workbook.write(out);
                            }
                            return sheet.getSheetName() + "!" + cell.getAddress() + " " + before + " → " + after;
                        }
                    }
                }
            }
        }
        throw new IllegalStateException("no threshold cell found to edit in " + workbookFile);
    }

    // (3) ---------------------------------------------------------------------------------------------------------

    private void nationalBatch() throws Exception {
        System.gc();
        List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
        AtomicLong sampledPeak = new AtomicLong();
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
                sampledPeak.accumulateAndGet(used, Math::max);
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        HttpClient http = HttpClient.newHttpClient();
        double loadBefore = loadAverage();
        long cpuStart = processCpu();
        long start = System.nanoTime();
        HttpResponse<String> accepted = http.send(HttpRequest.newBuilder(uri("/api/v1/batches?ruleSet=" + RULE_SET))
                .header("X-API-Key", API_KEY).header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofFile(dataset)).build(), HttpResponse.BodyHandlers.ofString());
        long uploaded = System.nanoTime();
        if (accepted.statusCode() != 202) {
            throw new IllegalStateException("batch not accepted: " + accepted.statusCode() + " " + accepted.body());
        }
        String location = accepted.headers().firstValue("Location").orElseThrow();
        JsonNode progress;
        do {
            Thread.sleep(250);
            progress = mapper.readTree(http.send(HttpRequest.newBuilder(uri(location)).header("X-API-Key", API_KEY)
                    .build(), HttpResponse.BodyHandlers.ofString()).body());
        } while (!Set.of("DONE", "FAILED").contains(progress.get("status").asText()));
        long end = System.nanoTime();
        long cpu = processCpu() - cpuStart;
        sampler.interrupt();
        JsonNode summary = mapper.readTree(http.send(HttpRequest.newBuilder(uri(location + "/summary"))
                .header("X-API-Key", API_KEY).build(), HttpResponse.BodyHandlers.ofString()).body());
        long poolPeak = heapPools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        System.out.printf(Locale.ROOT, "batch: %s, %d counties (%d invalid) in %.1f s end to end (upload and spool %.1f s),"
                        + " %.1f counties/s%n", progress.get("status").asText(), progress.get("total").asInt(),
                progress.get("invalid").asInt(), (end - start) / 1e9, (uploaded - start) / 1e9,
                progress.get("total").asInt() / ((end - start) / 1e9));
        System.out.printf(Locale.ROOT, "batch: process CPU %.1f s, i.e. %.0f %% of the %d processors over the run;"
                        + " load average %.1f before, %.1f after%n",
                cpu / 1e9, 100.0 * cpu / (end - start) / Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().availableProcessors(), loadBefore, loadAverage());
        System.out.printf(Locale.ROOT, "batch: heap used peak %d MB sampled every 100 ms (sum of pool peaks %d MB),"
                + " max heap %d MB%n", sampledPeak.get() >> 20, poolPeak >> 20, Runtime.getRuntime().maxMemory() >> 20);
        System.out.printf(Locale.ROOT, "batch: evaluated %d, passed %d, decisions %s, grades %s, failing %s%n",
                summary.get("evaluated").asInt(), summary.get("passed").asInt(), summary.get("decisions"),
                summary.get("grades"), summary.get("failingIndicators"));
    }

    // (4) ---------------------------------------------------------------------------------------------------------

    private void restLatency() throws Exception {
        String body = countyOfAbout70Schools();
        System.out.printf(Locale.ROOT, "rest: one county of %d schools, %d bytes, X-API-Key, result stored%n",
                mapper.readTree(body).get("subject").get("schools").size(), body.getBytes(StandardCharsets.UTF_8).length);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        answerSizes(http, body);
        // as an integrator's client sends it: the default (compact) answer, gzip accepted
        HttpRequest request = HttpRequest.newBuilder(uri("/api/v1/evaluations")).header("X-API-Key", API_KEY)
                .header("Content-Type", "application/json").header("Accept-Encoding", "gzip")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        run(http, request, 4, 200);
        for (int clients : new int[] {1, 8, 32}) {
            int perClient = Math.max(40, 800 / clients);
            double load = loadAverage();
            long cpu = processCpu();
            long start = System.nanoTime();
            Load run = run(http, request, clients, perClient);
            double seconds = (System.nanoTime() - start) / 1e9;
            cpu = processCpu() - cpu;
            long[] latencies = run.admitted();
            Arrays.sort(latencies);
            System.out.printf(Locale.ROOT, "rest: %2d clients, %d requests answered 201, %d refused (503): p50 %.1f ms,"
                            + " p99 %.1f ms, %.1f requests/s, process CPU %.1f ms/request (%.0f %% of the processors),"
                            + " load average %.1f before, %.1f after%n",
                    clients, latencies.length, run.refused(), percentile(latencies, 50) / 1e6,
                    percentile(latencies, 99) / 1e6, latencies.length / seconds, cpu / 1e6 / latencies.length,
                    100.0 * cpu / 1e9 / seconds / Runtime.getRuntime().availableProcessors(), load, loadAverage());
        }
    }

    /** The first county of 68–72 schools in the dataset, as its JSON line. */
    private String countyOfAbout70Schools() throws IOException {
        String body = null;
        try (BufferedReader lines = Files.newBufferedReader(dataset)) {
            for (String line; (line = lines.readLine()) != null && body == null; ) {
                int schools = mapper.readTree(line).get("subject").get("schools").size();
                if (schools >= 68 && schools <= 72) {
                    body = line;
                }
            }
        }
        Objects.requireNonNull(body, "no county of about 70 schools in the dataset");
        return body;
    }

    /**
     * The serialisation of one answer of {@link #restLatency}'s county, on one thread, thread CPU: as the service does
     * it (the result written to gzip for the store, then again to a tree for the compact view) against once (one
     * tree, written to gzip for the store and reused for the answer), and their parts. In turns, 200 of each after
     * a warm-up (docs/performance.md: once is the dearer).
     */
    private void serialisation(ConfigurableApplicationContext context) throws Exception {
        EvaluationRequest request = mapper.readValue(countyOfAbout70Schools(), EvaluationRequest.class);
        EvaluationResult result = context.getBean(Evaluations.class).trial(ruleSets.active(RULE_SET), request);
        Runnable twice = () -> {
            gzip(result);
            mapper.valueToTree(result);
        };
        Runnable once = () -> gzip(mapper.valueToTree(result));
        JsonNode tree = mapper.valueToTree(result);
        List<Runnable> ways = List.of(twice, once, () -> gzip(result), () -> mapper.valueToTree(result),
                () -> gzip(tree), () -> write(result));
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] cpu = new long[ways.size()];
        for (int round = 0; round < 300; round++) {
            for (int way = 0; way < ways.size(); way++) {
                long start = threads.getCurrentThreadCpuTime();
                ways.get(way).run();
                if (round >= 100) {
                    cpu[way] += threads.getCurrentThreadCpuTime() - start;
                }
            }
        }
        System.out.printf(Locale.ROOT, "serialise: result to gzip and to a tree %.2f ms thread CPU per request; one"
                        + " tree, to gzip %.2f ms (200 each); of which: result to gzip %.2f, result to a tree %.2f,"
                        + " tree to gzip %.2f, result to JSON without gzip %.2f%n", cpu[0] / 200 / 1e6,
                cpu[1] / 200 / 1e6, cpu[2] / 200 / 1e6, cpu[3] / 200 / 1e6, cpu[4] / 200 / 1e6, cpu[5] / 200 / 1e6);
    }

    private void write(Object value) {
        try {
            mapper.writeValue(OutputStream.nullOutputStream(), value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** As the store writes a value: JSON into gzip at deflate's fastest level. */
    private void gzip(Object value) {
        try (OutputStream out = new GZIPOutputStream(OutputStream.nullOutputStream(), 16 * 1024) {
            {
                def.setLevel(Deflater.BEST_SPEED);
            }
        }) {
            mapper.writeValue(out, value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * What one answer of the county weighs on the wire, compact (the default) and full, plain and gzipped; and what
     * its stored row holds against the JSON text that was stored before (issue 13).
     */
    private void answerSizes(HttpClient http, String body) throws Exception {
        String id = null;
        for (String view : List.of("", "?view=full")) {
            HttpRequest.Builder post = HttpRequest.newBuilder(uri("/api/v1/evaluations" + view))
                    .header("X-API-Key", API_KEY).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body));
            HttpResponse<byte[]> plain = http.send(post.build(), HttpResponse.BodyHandlers.ofByteArray());
            HttpResponse<byte[]> gzipped = http.send(post.header("Accept-Encoding", "gzip").build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            System.out.printf(Locale.ROOT, "answer: %-7s %7.1f KB, gzipped %6.1f KB (Content-Encoding %s)%n",
                    view.isEmpty() ? "compact" : "full", plain.body().length / 1024.0, gzipped.body().length / 1024.0,
                    gzipped.headers().firstValue("Content-Encoding").orElse("none"));
            id = mapper.readTree(plain.body()).get("id").asText();
        }
        JsonNode fired = mapper.readTree(http.send(HttpRequest.newBuilder(uri("/api/v1/evaluations/" + id))
                .header("X-API-Key", API_KEY).build(), HttpResponse.BodyHandlers.ofByteArray()).body()).get("firedRules");
        int firings = 0;
        for (JsonNode row : fired) {
            firings += row.get("count").asInt();
        }
        System.out.printf(Locale.ROOT, "answer: firedRules %d rule rows for %d firings%n", fired.size(), firings);
        int json = http.send(HttpRequest.newBuilder(uri("/api/v1/evaluations/" + id + "?view=full"))
                .header("X-API-Key", API_KEY).build(), HttpResponse.BodyHandlers.ofByteArray()).body().length;
        int request = mapper.writeValueAsBytes(mapper.readTree(body)).length;
        int[] stored = jdbc.sql("SELECT OCTET_LENGTH(answer_gzip), OCTET_LENGTH(request_gzip) FROM evaluation"
                + " WHERE id = :id").param("id", id).query((rs, row) -> new int[] {rs.getInt(1), rs.getInt(2)}).single();
        System.out.printf(Locale.ROOT, "stored: answer (full view %.1f KB of JSON) as %.1f KB of gzip, request %.1f KB as"
                        + " %.1f KB%n",
                json / 1024.0, stored[0] / 1024.0, request / 1024.0, stored[1] / 1024.0);
    }

    /** The latencies of the requests answered 201, and how many were refused with 503 (admission control). */
    private record Load(long[] admitted, int refused) {
    }

    private static Load run(HttpClient http, HttpRequest request, int clients, int perClient) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        AtomicLong refused = new AtomicLong();
        try {
            List<Future<List<Long>>> results = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                results.add(pool.submit(() -> {
                    List<Long> latencies = new ArrayList<>(perClient);
                    for (int i = 0; i < perClient; i++) {
                        long start = System.nanoTime();
                        HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
                        long latency = System.nanoTime() - start;
                        if (response.statusCode() == 503) {
                            refused.incrementAndGet();
                        } else if (response.statusCode() != 201) {
                            throw new IllegalStateException("status " + response.statusCode());
                        } else {
                            latencies.add(latency);
                        }
                    }
                    return latencies;
                }));
            }
            List<Long> all = new ArrayList<>();
            for (Future<List<Long>> result : results) {
                all.addAll(result.get());
            }
            return new Load(all.stream().mapToLong(Long::longValue).toArray(), (int) refused.get());
        } finally {
            pool.shutdown();
        }
    }

    /** The CPU time another instance's process has used so far. */
    private static double cpuSeconds(ChildApplication instance) {
        return ProcessHandle.of(instance.pid()).flatMap(p -> p.info().totalCpuDuration())
                .map(cpu -> cpu.toMillis() / 1000.0).orElse(Double.NaN);
    }

    /** The one-minute load average of the machine (shared: other processes count too). */
    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static long percentile(long[] sorted, int percentile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1)];
    }

    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static long time(Runnable work) {
        long start = System.nanoTime();
        work.run();
        return System.nanoTime() - start;
    }
}
