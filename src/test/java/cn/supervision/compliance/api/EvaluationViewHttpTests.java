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
     * Evaluated in process, then read over HTTP: the default answer is the stored bytes as written, the full view and
     * the trace are the stored request evaluated again on the rule base of the version it was answered with, and agree
     * with what was answered; the row keeps the request and the answer, gzip, and no result.
     */
    @ParameterizedTest
    @ValueSource(strings = {"county-430503.json", "county-assessment-430503.json", "school-curriculum.json",
            "district-daxing.json", "province-zhejiang.json"})
    void storedEvaluationsReplayToWhatWasAnswered(String sample) throws IOException {
        EvaluationRequest request = mapper.readValue(Path.of("samples", sample).toFile(), EvaluationRequest.class);
        Evaluations.Answered answered = evaluations.answer(request);
        String id = answered.result().id();

        assertThat(get(EVALUATIONS + "/" + id)).isEqualTo(new String(answered.json(), StandardCharsets.UTF_8));
        assertThat(get(EVALUATIONS + "/" + id + "?view=full")).isEqualTo(mapper.writeValueAsString(answered.result()));
        StoredEvaluation stored = evaluations.find(id).orElseThrow();
        assertThat(get(EVALUATIONS + "/" + id + "/trace"))
                .isEqualTo(mapper.writeValueAsString(Traces.of(stored, answered.result())));
        // the replay, written as the default view, is the answer byte for byte
        assertThat(evaluations.json(evaluations.replay(stored).compact())).isEqualTo(answered.json());

        byte[] storedAnswer = jdbc.sql("SELECT answer_gzip FROM evaluation WHERE id = :id").param("id", id)
                .query(byte[].class).single();
        try (InputStream gunzip = new GZIPInputStream(new ByteArrayInputStream(storedAnswer))) {
            assertThat(gunzip.readAllBytes()).isEqualTo(answered.json());
        }
        int json = answered.json().length + mapper.writeValueAsBytes(request).length;
        int kept = jdbc.sql("""
                SELECT OCTET_LENGTH(answer_gzip) + OCTET_LENGTH(request_gzip) FROM evaluation WHERE id = :id""")
                .param("id", id).query(Integer.class).single();
        System.out.printf("stored %s: %d bytes of gzip for %d bytes of JSON%n", sample, kept, json);
        assertThat(kept).isLessThan(json / 2);
    }

    /** Every stored evaluation of this application, replayed: each agrees with what it answered. */
    @Test
    void everyStoredEvaluationReplaysToItsAnswer() throws IOException {
        for (String sample : List.of("county-430503.json", "county-assessment-430503.json", "school-curriculum.json",
                "district-daxing.json", "province-zhejiang.json")) {
            assertThat(post(sample, "").getStatusCode().value()).isEqualTo(201);
        }
        List<String> ids = jdbc.sql("SELECT id FROM evaluation WHERE answer_gzip IS NOT NULL").query(String.class)
                .list();
        assertThat(ids).hasSizeGreaterThanOrEqualTo(5);
        for (String id : ids) {
            StoredEvaluation stored = evaluations.find(id).orElseThrow();
            assertThat(new String(evaluations.json(evaluations.replay(stored).compact()), StandardCharsets.UTF_8))
                    .as(id).isEqualTo(new String(stored.answer(), StandardCharsets.UTF_8));
        }
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
    }

    /**
     * The default view as API.md's "compact default view" says: a section with its counts and only its unmet
     * indicators (code, value, threshold, comparator, shortfall, unit), one hint per remedy row with the subjects it
     * applies to, each fired rule row once with its count, the rest as in the full view.
     */
    @Test
    void theCompactViewListsUnmetIndicatorsOneHintPerRemedyRowAndEachFiredRuleRowOnce() throws IOException {
        JsonNode compact = mapper.readTree(post("county-430503.json", "").getBody());
        JsonNode full = mapper.readTree(get(EVALUATIONS + "/" + compact.get("id").asText() + "?view=full"));

        for (String field : List.of("id", "ruleSet", "jurisdiction", "jurisdictionChain", "ruleSetVersion", "subject",
                "passed", "decision", "grade", "evaluatedAt", "summary", "excluded", "variation")) {
            assertThat(compact.get(field)).as(field).isEqualTo(full.get(field));
        }

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
            for (String field : List.of("schoolId", "schoolName", "stage", "students", "passed", "metCount",
                    "checked")) {
                assertThat(compactSection.get(field)).as(field).isEqualTo(fullSection.get(field));
            }
            List<JsonNode> expected = new ArrayList<>();
            for (JsonNode indicator : fullSection.get("indicators")) {
                if (!indicator.get("met").asBoolean()) {
                    expected.add(((ObjectNode) indicator.deepCopy())
                            .retain("code", "value", "threshold", "comparator", "shortfall", "unit"));
                }
            }
            assertThat(compactSection.get("indicators")).containsExactlyElementsOf(expected);
            // the reason where the section misses an indicator; a section meeting all says only its counts
            assertThat(compactSection.get("reason")).isEqualTo(expected.isEmpty() ? null : fullSection.get("reason"));
            compactSection.get("indicators").forEach(i -> assertThat(i.get("shortfall").decimalValue()).isPositive());
            assertThat(compactSection.get("indicators").get(0) == null
                    || compactSection.get("indicators").get(0).size() == 6).isTrue();
            unmet += expected.size();
        }
        assertThat(unmet).isPositive();

        // one hint per remedy row: its texts once, the subjects it applies to listed with their shortfalls
        Set<String> rowsOfFullHints = new LinkedHashSet<>();
        int subjects = 0;
        for (JsonNode hint : full.get("hints")) {
            rowsOfFullHints.add(hint.get("rule").toString() + hint.get("indicator").asText());
        }
        assertThat(compact.get("hints")).hasSize(rowsOfFullHints.size());
        for (JsonNode hint : compact.get("hints")) {
            assertThat(hint.has("measures")).isTrue();
            assertThat(hint.has("shortfall")).isFalse();
            for (JsonNode subject : hint.get("subjects")) {
                assertThat(subject.has("subject")).isTrue();
                assertThat(subject.has("shortfall")).isTrue();
                subjects++;
            }
        }
        assertThat(subjects).isEqualTo(full.get("hints").size()).isGreaterThan(compact.get("hints").size());
        assertThat(compact.toString().length()).isLessThan(full.toString().length() / 2);
    }

    /** A passed check is its code and verdict; a failed or not-assessed one keeps its figures and its reason. */
    @ParameterizedTest
    @ValueSource(strings = {"county-assessment-430503.json", "school-curriculum.json"})
    void aPassedCheckIsItsCodeAndVerdict(String sample) throws IOException {
        JsonNode compact = mapper.readTree(post(sample, "").getBody());
        JsonNode full = mapper.readTree(get(EVALUATIONS + "/" + compact.get("id").asText() + "?view=full"));

        assertThat(compact.get("checks")).hasSameSizeAs(full.get("checks"));
        int passed = 0;
        for (int i = 0; i < full.get("checks").size(); i++) {
            JsonNode check = full.get("checks").get(i);
            assertThat(check.get("reason").asText()).isNotBlank();
            if (check.get("verdict").asText().equals("PASSED")) {
                assertThat(compact.get("checks").get(i)).isEqualTo(((ObjectNode) check.deepCopy())
                        .retain("code", "verdict"));
                passed++;
            } else {
                assertThat(compact.get("checks").get(i)).isEqualTo(check);
            }
        }
        assertThat(passed).isPositive();
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

    /** Every error of a JSON request in one answer: its own fields and each unreadable or invalid subject field. */
    @Test
    void everyErrorOfAJsonRequestIsInOneAnswer() throws IOException {
        ObjectNode request = (ObjectNode) mapper.readTree(Files.readString(Path.of("samples", "county-430503.json")));
        request.put("jurisdiction", "NOT A JURISDICTION");
        ObjectNode county = (ObjectNode) request.get("subject");
        ((ObjectNode) county.get("schools").get(0).get("sections").get(0)).put("students", "many");
        ((ObjectNode) county.get("schools").get(1)).put("type", "CASTLE");
        ((ObjectNode) county.get("schools").get(2).get("sections").get(0)).put("qualifiedTeachers", -3);
        int before = storedCount();

        ResponseEntity<JsonNode> refused = ApiClients.integratorKey(port).post().uri(EVALUATIONS)
                .contentType(MediaType.APPLICATION_JSON).body(request.toString()).retrieve().toEntity(JsonNode.class);

        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(refused.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(refused.getBody().get("errors").findValuesAsText("field")).contains("jurisdiction",
                "subject.schools[0].sections[0].students", "subject.schools[1].type",
                "subject.schools[2].sections[0].qualifiedTeachers");
        assertThat(storedCount()).isEqualTo(before);
    }

    /**
     * The OpenAPI document is a contract a client can be generated from: both sign-ins as security schemes, tags by
     * resource, each error status with its problem body, a schema per rule set's subject, and the JSON request
     * without the template upload's query parameters.
     */
    @Test
    void theOpenApiDocumentIsAContract() {
        JsonNode doc = ApiClients.anonymous(port).get().uri("/v3/api-docs").retrieve().body(JsonNode.class);
        JsonNode schemes = doc.get("components").get("securitySchemes");
        assertThat(schemes.get("apiKey").get("type").asText()).isEqualTo("apiKey");
        assertThat(schemes.get("apiKey").get("name").asText()).isEqualTo("X-API-Key");
        assertThat(schemes.get("apiKey").get("in").asText()).isEqualTo("header");
        assertThat(schemes.get("basic").get("scheme").asText()).isEqualTo("basic");
        assertThat(doc.get("security").findValuesAsText("apiKey")).isNotNull();

        JsonNode post = doc.get("paths").get(EVALUATIONS).get("post");
        assertThat(post.get("tags")).extracting(JsonNode::asText).containsExactly("evaluations");
        assertThat(doc.get("paths").get(EVALUATIONS + "/{id}/trace").get("get").get("tags").get(0).asText())
                .isEqualTo("evaluations");
        List<String> queryParameters = new ArrayList<>();
        post.path("parameters").forEach(p -> queryParameters.add(p.get("name").asText()));
        assertThat(queryParameters).contains("view").doesNotContain("ruleSet", "jurisdiction");
        for (String status : List.of("400", "401", "403", "404", "413", "415", "503")) {
            assertThat(post.get("responses").get(status).get("content").get("application/problem+json")
                    .get("schema").get("$ref").asText()).as(status).endsWith("/Problem");
        }
        JsonNode schemas = doc.get("components").get("schemas");
        for (String ruleSet : List.of("balanced-development", "curriculum", "district-targets")) {
            assertThat(schemas.has("Subject-" + ruleSet)).as(ruleSet).isTrue();
        }
        assertThat(schemas.get("EvaluationRequest").get("properties").get("subject").get("oneOf")).hasSize(3);
        // each rule set's body contributes its fields to the two views, in their places (issue 21)
        for (String view : List.of("Compact", "Full")) {
            List<String> fields = new ArrayList<>();
            schemas.get(view).get("properties").fieldNames().forEachRemaining(fields::add);
            assertThat(fields).as(view).containsExactly("id", "ruleSet", "jurisdiction", "jurisdictionChain",
                    "ruleSetVersion", "subject", "passed", "scope", "decision", "grade", "evaluatedAt", "summary",
                    "checks", "assessment", "sections", "excluded", "variation", "firedRules", "hints");
        }
        assertThat(schemas.get("Compact").get("properties").get("sections").get("items").get("$ref").asText())
                .endsWith("/CompactSection");
        assertThat(schemas.get("Problem").get("properties").has("errors")).isTrue();
    }

    /** The headline's counts of a check list add up to its checks, 不适用 and 尚未生效 included (issue 21). */
    @ParameterizedTest
    @ValueSource(strings = {"school-curriculum.json", "district-daxing.json"})
    void theHeadlineCountsEveryCheck(String sample) throws IOException {
        JsonNode answer = mapper.readTree(post(sample, "").getBody());
        JsonNode summary = answer.get("summary");
        int counted = 0;
        for (String count : List.of("checksPassed", "checksFailed", "checksNotAssessed", "checksNotApplicable",
                "checksNotYetInForce")) {
            counted += summary.get(count).asInt();
        }
        assertThat(counted).isEqualTo(answer.get("checks").size());
        assertThat(summary.get("headline").asText()).contains("检查 " + answer.get("checks").size() + " 项",
                "不适用 " + summary.get("checksNotApplicable").asInt() + " 项",
                "尚未生效 " + summary.get("checksNotYetInForce").asInt() + " 项");
        assertThat(answer.get("decision").get("outcome").asText()).isEqualTo(answer.get("passed").asBoolean()
                ? "PASSED" : "FAILED");
        if (!answer.get("passed").asBoolean()) {
            assertThat(answer.get("decision").get("reasons")).isNotEmpty();
            assertThat(summary.get("headline").asText()).startsWith("未达标。").contains("原因：");
        }
    }
}
