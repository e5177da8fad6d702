package cn.supervision.compliance.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.supervision.compliance.audit.Traces;
import cn.supervision.compliance.evaluation.EvaluationRequest;
import cn.supervision.compliance.evaluation.EvaluationResult;
import cn.supervision.compliance.evaluation.Evaluations;
import cn.supervision.compliance.evaluation.StoredEvaluation;
import cn.supervision.compliance.system.Role;

/**
 * The compact answer by default and the full one on request (README, "Compact and full views"), over real HTTP with
 * the samples of every rule set: what the compact view keeps and leaves out, and that the full view and the trace,
 * rebuilt from the compressed stored row, are byte for byte what the evaluation produced.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:http-tests;DB_CLOSE_DELAY=-1")
class EvaluationViewHttpTests {

    @Autowired
    ObjectMapper mapper;

    @LocalServerPort
    int port;

    @Autowired
    Evaluations evaluations;

    @Autowired
    JdbcClient jdbc;

    private static final String EVALUATIONS = "/api/v1/evaluations";

    private RestClient auditor() {
        return ApiClients.as(port, Role.AUDITOR);
    }

    private String get(String path) {
        ResponseEntity<String> response = auditor().get().uri(path).retrieve().toEntity(String.class);
        assertThat(response.getStatusCode().value()).as(path).isEqualTo(200);
        return response.getBody();
    }

    private ResponseEntity<String> post(String sample, String query) throws IOException {
        return ApiClients.integratorKey(port).post().uri(EVALUATIONS + query).contentType(MediaType.APPLICATION_JSON)
                .body(Files.readString(Path.of("samples", sample))).retrieve().toEntity(String.class);
    }

    /**
     * Evaluated in process (the result object the pipeline returned, stored through the real store), then read over
     * HTTP: the full view is the serialised result itself and the trace the one built from that very object.
     */
    @ParameterizedTest
    @ValueSource(strings = {"county-430503.json", "county-assessment-430503.json", "school-curriculum.json",
            "district-daxing.json", "province-zhejiang.json"})
    void theFullViewAndTheTraceAreRebuiltFromTheStoreExactlyAsEvaluated(String sample) throws IOException {
        EvaluationRequest request = mapper.readValue(Path.of("samples", sample).toFile(), EvaluationRequest.class);
        EvaluationResult result = evaluations.evaluate(request);
        String id = result.id();

        assertThat(get(EVALUATIONS + "/" + id + "?view=full")).isEqualTo(mapper.writeValueAsString(result));
        StoredEvaluation asEvaluated = new StoredEvaluation(id, "anonymous", mapper.valueToTree(request), result);
        assertThat(get(EVALUATIONS + "/" + id + "/trace"))
                .isEqualTo(mapper.writeValueAsString(Traces.of(asEvaluated)));

        // the stored result, gunzipped, is the result's own serialisation byte for byte
        byte[] storedResult = jdbc.sql("SELECT result_gzip FROM evaluation WHERE id = :id").param("id", id)
                .query(byte[].class).single();
        try (InputStream gunzip = new GZIPInputStream(new ByteArrayInputStream(storedResult))) {
            assertThat(new String(gunzip.readAllBytes(), StandardCharsets.UTF_8))
                    .isEqualTo(mapper.writeValueAsString(result));
        }

        int json = mapper.writeValueAsBytes(result).length + mapper.writeValueAsBytes(request).length;
        int stored = jdbc.sql("""
                SELECT OCTET_LENGTH(result_gzip) + OCTET_LENGTH(request_gzip) FROM evaluation WHERE id = :id""")
                .param("id", id).query(Integer.class).single();
        System.out.printf("stored %s: %d bytes of gzip for %d bytes of JSON%n", sample, stored, json);
        assertThat(stored).isLessThan(json / 2);
    }

    /** Posted over HTTP: the answer of the POST is the answer of the GET, in both views. */
    @ParameterizedTest
    @ValueSource(strings = {"county-430503.json", "county-assessment-430503.json", "school-curriculum.json",
            "district-daxing.json", "province-zhejiang.json"})
    void eachViewOfThePostIsTheViewOfTheGet(String sample) throws IOException {
        ResponseEntity<String> full = post(sample, "?view=full");
        ResponseEntity<String> compact = post(sample, "");
        assertThat(full.getStatusCode().value()).isEqualTo(201);
        assertThat(compact.getStatusCode().value()).isEqualTo(201);

        assertThat(get(full.getHeaders().getLocation() + "?view=full")).isEqualTo(full.getBody());
        assertThat(get(compact.getHeaders().getLocation().toString())).isEqualTo(compact.getBody());
        assertThat(get(compact.getHeaders().getLocation() + "?view=compact")).isEqualTo(compact.getBody());
        JsonNode fullOfCompact = mapper.readTree(get(compact.getHeaders().getLocation() + "?view=full"));
        assertThat(CompactView.of((ObjectNode) fullOfCompact)).isEqualTo(mapper.readTree(compact.getBody()));
    }

    @Test
    void theCompactViewKeepsVerdictsFailuresAndHintsAndCountsEachFiredRuleRowOnce() throws IOException {
        JsonNode full = mapper.readTree(post("county-430503.json", "?view=full").getBody());
        JsonNode compact = mapper.readTree(get(EVALUATIONS + "/" + full.get("id").asText()));

        for (String field : List.of("id", "ruleSet", "jurisdiction", "jurisdictionChain", "ruleSetVersion", "subject",
                "passed", "decision", "grade", "evaluatedAt", "summary", "checks", "excluded", "variation", "hints")) {
            assertThat(compact.get(field)).as(field).isEqualTo(full.get(field));
        }
        assertThat(compact.get("hints")).isNotEmpty();

        Set<JsonNode> firstFirings = new LinkedHashSet<>();
        full.get("firedRules").forEach(firstFirings::add);
        List<JsonNode> rows = new ArrayList<>();
        int firings = 0;
        for (JsonNode row : compact.get("firedRules")) {
            firings += row.get("count").asInt();
            rows.add(without(row, "count"));
            assertThat(row.get("count").asInt()).isPositive();
        }
        assertThat(rows).containsExactlyElementsOf(firstFirings);
        assertThat(firings).isEqualTo(full.get("firedRules").size()).isGreaterThan(rows.size());

        assertThat(compact.get("sections")).hasSameSizeAs(full.get("sections"));
        int unmet = 0;
        for (int s = 0; s < full.get("sections").size(); s++) {
            JsonNode fullSection = full.get("sections").get(s);
            JsonNode compactSection = compact.get("sections").get(s);
            assertThat(without(compactSection, "indicators")).isEqualTo(without(fullSection, "indicators"));
            for (int i = 0; i < fullSection.get("indicators").size(); i++) {
                JsonNode indicator = fullSection.get("indicators").get(i);
                JsonNode kept = compactSection.get("indicators").get(i);
                if (indicator.get("met").asBoolean()) {
                    assertThat(kept).isEqualTo(((ObjectNode) indicator.deepCopy())
                            .retain("code", "value", "threshold", "met"));
                } else {
                    assertThat(kept).isEqualTo(indicator);
                    assertThat(kept.get("shortfall").decimalValue()).isPositive();
                    unmet++;
                }
            }
        }
        assertThat(unmet).isPositive();

        // a resource-only request: the full assessment's figures are all NOT_ASSESSED, and none is answered by default
        List<JsonNode> failedDetails = new ArrayList<>();
        full.get("assessment").get("details").forEach(d -> {
            if (d.get("verdict").asText().equals("FAILED")) {
                failedDetails.add(d);
            }
        });
        assertThat(full.get("assessment").get("details").findValuesAsText("verdict")).contains("NOT_ASSESSED");
        assertThat(compact.get("assessment").get("details")).containsExactlyElementsOf(failedDetails);
        assertThat(without(compact.get("assessment"), "details")).isEqualTo(without(full.get("assessment"), "details"));
        assertThat(compact.toString().length()).isLessThan(full.toString().length() / 2);
    }

    private static JsonNode without(JsonNode node, String field) {
        ObjectNode copy = node.deepCopy();
        copy.remove(field);
        return copy;
    }

    @Test
    void anUnknownViewIsA400ProblemNamingTheParameterAndNothingIsStored() throws IOException {
        int before = storedCount();
        ResponseEntity<JsonNode> post = ApiClients.integratorKey(port).post().uri(EVALUATIONS + "?view=everything")
                .contentType(MediaType.APPLICATION_JSON).body(Files.readString(ApiClients.SAMPLE)).retrieve()
                .toEntity(JsonNode.class);
        String id = mapper.readTree(post("county-430503.json", "").getBody()).get("id").asText();
        ResponseEntity<JsonNode> read = auditor().get().uri(EVALUATIONS + "/" + id + "?view=FULL").retrieve()
                .toEntity(JsonNode.class);

        for (ResponseEntity<JsonNode> refused : List.of(post, read)) {
            assertThat(refused.getStatusCode().value()).isEqualTo(400);
            assertThat(refused.getHeaders().getContentType()).hasToString("application/problem+json");
            assertThat(refused.getBody().get("errors").get(0).get("field").asText()).isEqualTo("view");
        }
        assertThat(storedCount()).isEqualTo(before + 1);
    }

    private int storedCount() {
        return jdbc.sql("SELECT COUNT(*) FROM evaluation").query(Integer.class).single();
    }

    @Test
    void theOpenApiDocumentNamesTheViewParameterOfThePostAndTheGet() {
        JsonNode paths = ApiClients.anonymous(port).get().uri("/v3/api-docs").retrieve().body(JsonNode.class)
                .get("paths");
        for (JsonNode operation : List.of(paths.get(EVALUATIONS).get("post"),
                paths.get(EVALUATIONS + "/{id}").get("get"))) {
            JsonNode view = null;
            for (JsonNode parameter : operation.get("parameters")) {
                view = parameter.get("name").asText().equals("view") ? parameter : view;
            }
            assertThat(view).isNotNull();
            assertThat(view.get("in").asText()).isEqualTo("query");
            assertThat(view.get("schema").get("enum")).extracting(JsonNode::asText).containsExactly("compact", "full");
        }
    }

    @Test
    void answersAreGzippedForClientsThatAcceptIt() throws Exception {
        String location = post("county-assessment-430503.json", "").getHeaders().getLocation().toString();
        HttpClient http = HttpClient.newHttpClient();
        for (String view : List.of("", "?view=full")) {
            HttpResponse<byte[]> gzipped = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                            + location + view)).header("X-API-Key", ApiClients.INTEGRATOR_API_KEY)
                    .header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(gzipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
            String plain = get(location + view);
            try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped.body()))) {
                assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(plain);
            }
            assertThat(gzipped.body().length).isLessThan(plain.getBytes(StandardCharsets.UTF_8).length / 4);
        }
        HttpResponse<String> uncompressed = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + location)).header("X-API-Key", ApiClients.INTEGRATOR_API_KEY).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(uncompressed.headers().firstValue("Content-Encoding")).isEmpty();
    }
}
