package cn.supervision.compliance.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The running application over real HTTP, with the sample county shipped in the repository. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:http-tests;DB_CLOSE_DELAY=-1")
class EvaluationHttpTests {

    private static final Path SAMPLE = Path.of("samples/county-430503.json");
    private static final Path FULL_SAMPLE = Path.of("samples/county-assessment-430503.json");

    @LocalServerPort
    int port;

    @Autowired
    ObjectMapper mapper;

    private RestClient http() {
        return ApiClients.integratorKey(port);
    }

    private ObjectNode sample() throws IOException {
        return (ObjectNode) mapper.readTree(Files.readString(SAMPLE));
    }

    @Test
    void theSampleCountyIsEvaluatedStoredAndReadBack() throws IOException {
        ResponseEntity<JsonNode> created = ApiClients.postEvaluation(http(), Files.readString(SAMPLE));

        assertThat(created.getStatusCode().value()).isEqualTo(201);
        JsonNode result = created.getBody();
        assertThat(created.getHeaders().getLocation()).hasToString("/api/v1/evaluations/" + result.get("id").asText());
        assertThat(result.get("ruleSet").asText()).isEqualTo("balanced-development");
        assertThat(result.get("jurisdiction").asText()).isEqualTo("national");
        assertThat(result.get("ruleSetVersion").asText()).hasSize(64);
        assertThat(result.get("passed").asBoolean()).isFalse();

        // the default answer lists a section's unmet indicators only (API.md, "The compact default view")
        JsonNode s4 = section(result, "S4");
        assertThat(s4.get("passed").asBoolean()).isFalse();
        assertThat(s4.get("reason").asText()).startsWith("檀江乡中心小学（S4）小学学段达标 2/7 项");
        JsonNode r6 = indicator(s4, "R6");
        assertThat(r6.get("shortfall").decimalValue()).isEqualByComparingTo("30000");
        assertThat(r6.get("unit").asText()).isEqualTo("元");
        JsonNode full = http().get().uri(created.getHeaders().getLocation() + "?view=full").retrieve()
                .body(JsonNode.class);
        assertThat(indicator(section(full, "S4"), "R6").get("rule").get("sheet").asText()).isEqualTo("资源配置标准");
        assertThat(indicator(section(full, "S1"), "R6").get("value").decimalValue()).isEqualByComparingTo("2265.625");
        assertThat(result.get("decision").get("reasons")).isNotEmpty();
        assertThat(result.get("decision").get("reasons").get(0).asText()).contains("檀江乡中心小学", "2/7");
        assertThat(result.get("summary").get("headline").asText()).startsWith("未达标。").contains("原因：");

        assertThat(result.get("excluded").findValuesAsText("reason"))
                .containsExactly("TEACHING_POINT_UNDER_50", "SPECIAL_ED");
        assertThat(result.get("excluded").findValuesAsText("explanation"))
                .allSatisfy(e -> assertThat(e).contains("不参加评估："));
        assertThat(result.get("variation")).hasSize(14);
        assertThat(result.get("firedRules").size()).isGreaterThan(50);
        assertThat(result.get("hints").findValuesAsText("subject")).contains("S4");
        assertThat(result.get("hints").findValuesAsText("name")).contains("檀江乡中心小学");

        ResponseEntity<JsonNode> stored = http().get().uri(created.getHeaders().getLocation()).retrieve()
                .toEntity(JsonNode.class);
        assertThat(stored.getStatusCode().value()).isEqualTo(200);
        assertThat(stored.getBody()).isEqualTo(result);
    }

    @Test
    void anUnknownEvaluationIsA404Problem() {
        ResponseEntity<JsonNode> response = http().get().uri("/api/v1/evaluations/nope").retrieve().toEntity(JsonNode.class);
        assertThat(response.getStatusCode().value()).isEqualTo(404);
        assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
    }

    @Test
    void theOpenApiDocumentIsServed() {
        JsonNode doc = http().get().uri("/v3/api-docs").retrieve().body(JsonNode.class);
        assertThat(doc.get("paths").has("/api/v1/evaluations")).isTrue();
        assertThat(doc.get("paths").has("/api/v1/evaluations/{id}")).isTrue();
    }

    static Stream<Arguments> badInputs() {
        return Stream.of(
                bad("zero students", "subject.schools[0].sections[0].students",
                        j -> section(j, 0, 0).put("students", 0)),
                bad("negative students", "subject.schools[0].sections[0].students",
                        j -> section(j, 0, 0).put("students", -5)),
                bad("negative teacher count", "subject.schools[3].sections[0].qualifiedTeachers",
                        j -> section(j, 3, 0).put("qualifiedTeachers", -1)),
                bad("negative area", "subject.schools[1].teachingAreaM2",
                        j -> school(j, 1).put("teachingAreaM2", -10.5)),
                bad("unknown school type", "subject.schools[2].type",
                        j -> school(j, 2).put("type", "UNIVERSITY")),
                bad("unknown stage", "subject.schools[0].sections[0].stage",
                        j -> section(j, 0, 0).put("stage", "KINDERGARTEN")),
                bad("stage that the type does not have", "subject.schools[0].sections[0].stage",
                        j -> section(j, 0, 0).put("stage", "JUNIOR")),
                bad("duplicate school id", "subject.schools[2].id",
                        j -> school(j, 2).put("id", "S1")),
                bad("missing figure", "subject.schools[0].sections[0].multimediaRooms",
                        j -> section(j, 0, 0).remove("multimediaRooms")),
                bad("missing whole-school split figure", "subject.schools[1].sections[0].sportsAreaM2",
                        j -> school(j, 1).remove("sportsAreaM2")),
                bad("total beside values in some sections", "subject.schools[1].teachingAreaM2",
                        j -> section(j, 1, 0).put("teachingAreaM2", 3000)),
                bad("text where a number belongs", "subject.schools[0].sections[0].students",
                        j -> section(j, 0, 0).put("students", "many")),
                bad("a typo in a field name", "subject.schools[0].sections[0].studnets",
                        j -> section(j, 0, 0).put("studnets", 640)),
                bad("unknown rule set", "ruleSet", j -> j.put("ruleSet", "no-such-set")),
                bad("unknown jurisdiction", "jurisdiction", j -> j.put("jurisdiction", "atlantis")),
                bad("missing subject", "subject", j -> j.remove("subject")),
                bad("no schools", "subject.schools", j -> ((ObjectNode) j.get("subject")).putArray("schools")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void badInputIsA400ProblemNamingTheField(String name, String field, Consumer<ObjectNode> change) throws IOException {
        ObjectNode request = sample();
        change.accept(request);

        ResponseEntity<JsonNode> response = ApiClients.postEvaluation(http(), mapper.writeValueAsString(request));

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(response.getBody().get("errors").findValuesAsText("field")).contains(field);
        assertThat(response.getBody().toString()).doesNotContain("Exception", "at cn.", "java.");
        // a person reads Chinese: the title and every message, the field's Chinese name first; the code beside it
        assertThat(response.getBody().get("title").asText()).isEqualTo("提交的数据有误");
        response.getBody().get("errors").forEach(error -> {
            assertThat(error.get("message").asText()).containsPattern("\\p{IsHan}");
            assertThat(error.get("code").asText()).matches("(input|constraint)\\.[A-Za-z.-]+");
        });
    }

    static Stream<Arguments> badAssessments() {
        return Stream.of(
                bad("a sub-score above its maximum", "subject.assessment.scores.G08[0]",
                        j -> ((ArrayNode) assessment(j).get("scores").get("G08")).set(0, 4)),
                bad("a sub-score below 0", "subject.assessment.scores.G09[1]",
                        j -> ((ArrayNode) assessment(j).get("scores").get("G09")).set(1, -1)),
                bad("too few sub-scores", "subject.assessment.scores.G08",
                        j -> ((ArrayNode) assessment(j).get("scores").get("G08")).remove(3)),
                bad("a rate above 100 %", "subject.assessment.socialRecognitionPct",
                        j -> assessment(j).put("socialRecognitionPct", 100.5)),
                bad("a negative rate", "subject.assessment.juniorRetentionPct",
                        j -> assessment(j).put("juniorRetentionPct", -1)),
                bad("a spending series with a missing year", "subject.assessment.spending",
                        j -> ((ArrayNode) assessment(j).get("spending")).remove(2)),
                bad("an unknown indicator code", "subject.assessment.scores.X99",
                        j -> ((ObjectNode) assessment(j).get("scores")).putArray("X99").add(1)),
                bad("an unknown veto item", "subject.assessment.veto.BRIBERY",
                        j -> ((ObjectNode) assessment(j).get("veto")).put("BRIBERY", true)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badAssessments")
    void badAssessmentInputIsA400ProblemNamingTheField(String name, String field, Consumer<ObjectNode> change)
            throws IOException {
        ObjectNode request = (ObjectNode) mapper.readTree(Files.readString(FULL_SAMPLE));
        change.accept(request);

        ResponseEntity<JsonNode> response = ApiClients.postEvaluation(http(), mapper.writeValueAsString(request));

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getBody().get("errors").findValuesAsText("field")).contains(field);
    }

    @Test
    void theFullSampleCountyIsRecognisedOverHttp() throws IOException {
        JsonNode result = ApiClients.postEvaluation(http(), Files.readString(FULL_SAMPLE)).getBody();
        assertThat(result.get("decision").get("outcome").asText()).isEqualTo("RECOGNISED");
        assertThat(result.get("decision").get("label").asText()).isEqualTo("认定");
        assertThat(result.get("grade").asText()).isEqualTo("良好");
        assertThat(result.get("summary").get("headline").asText()).startsWith("达标。大祥区 2026 年：认定");
        assertThat(result.get("checks")).hasSize(37);
        assertThat(result.get("scope").asText()).isEqualTo("FULL_ASSESSMENT");
    }

    /** Issue 15: resource figures only are a resource-allocation assessment, never a 不予认定 of the 36 indicators. */
    @Test
    void aResourceOnlyCountyIsAResourceAllocationAssessmentNotARefusedRecognition() throws IOException {
        JsonNode result = ApiClients.postEvaluation(http(), mapper.writeValueAsString(sample())).getBody();

        assertThat(result.get("scope").asText()).isEqualTo("RESOURCE_ALLOCATION");
        assertThat(result.get("decision").get("outcome").asText()).isEqualTo("NOT_REQUESTED");
        assertThat(result.get("decision").get("label").asText()).startsWith("未申请认定").doesNotContain("不予认定");
        assertThat(result.get("grade").isNull()).isTrue();
        int passed = result.get("summary").get("sectionsPassed").asInt();
        int assessed = result.get("summary").get("sectionsAssessed").asInt();
        assertThat(result.get("summary").get("headline").asText()).startsWith("未达标。大祥区 2026 年资源配置：" + passed
                + "/" + assessed + " 所学校（学段）达标，" + result.get("summary").get("variationsFailed").asInt()
                + " 项差异系数超标；未申请 36 项指标的认定评估。原因：" + result.get("decision").get("reasons").get(0).asText());
        // the 29 indicators of the assessment that was not requested are left out, not listed as not assessed;
        // R1–R7 carry their figures
        assertThat(result.get("checks").findValuesAsText("verdict")).doesNotContain("NOT_ASSESSED");
        assertThat(result.get("checks").findValuesAsText("code")).contains("R1", "R2", "R3", "R4", "R5", "R6", "R7")
                .hasSizeLessThan(20);
        for (JsonNode check : result.get("checks")) {
            if (!check.get("verdict").asText().equals("PASSED")) {
                assertThat(check.get("value").isNull()).as(check.get("code").asText()).isFalse();
                assertThat(check.get("threshold").isNull()).isFalse();
            }
        }
        assertThat(result.get("assessment").isNull()).isTrue();
    }

    /**
     * The scope may be asked for: the whole assessment of a county that sent only resource figures is decided, its
     * failed class-A measures first and every indicator without data named as not assessed.
     */
    @Test
    void theWholeAssessmentAskedForIsDecidedWithWhatCouldNotBeAssessed() throws IOException {
        ObjectNode request = sample();
        ((ObjectNode) request.get("subject")).put("scope", "FULL_ASSESSMENT");

        JsonNode result = ApiClients.postEvaluation(http(), mapper.writeValueAsString(request)).getBody();

        assertThat(result.get("scope").asText()).isEqualTo("FULL_ASSESSMENT");
        assertThat(result.get("decision").get("outcome").asText()).isEqualTo("NOT_RECOGNISED");
        assertThat(result.get("decision").get("reasons").findValuesAsText("")).isEmpty();
        assertThat(result.get("decision").get("reasons").toString()).contains("未评估（资料不全）");
    }

    @Test
    void aBodyOverTheSizeLimitIsA413Problem() {
        String huge = "{\"ruleSet\": \"" + "x".repeat(17 * 1024 * 1024) + "\"}";
        ResponseEntity<JsonNode> response = ApiClients.postEvaluation(http(), huge);
        assertThat(response.getStatusCode().value()).isEqualTo(413);
        assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
    }

    @Test
    void malformedJsonIsA400Problem() {
        ResponseEntity<JsonNode> response = ApiClients.postEvaluation(http(), "{\"ruleSet\": \"balanced-development\", \"subject\": {");
        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getBody().get("errors").get(0).get("field").asText()).isEqualTo("body");
        assertThat(response.getBody().get("detail").asText()).contains("JSON 格式有误");
    }

    private static Arguments bad(String name, String field, Consumer<ObjectNode> change) {
        return Arguments.of(name, field, change);
    }

    private static ObjectNode assessment(ObjectNode request) {
        return (ObjectNode) request.get("subject").get("assessment");
    }

    private static ObjectNode school(ObjectNode request, int index) {
        return (ObjectNode) ((ArrayNode) request.get("subject").get("schools")).get(index);
    }

    private static ObjectNode section(ObjectNode request, int school, int section) {
        return (ObjectNode) school(request, school).get("sections").get(section);
    }

    private static JsonNode section(JsonNode result, String schoolId) {
        for (JsonNode section : result.get("sections")) {
            if (section.get("schoolId").asText().equals(schoolId)) {
                return section;
            }
        }
        throw new AssertionError("no section of " + schoolId);
    }

    private static JsonNode indicator(JsonNode section, String code) {
        for (JsonNode indicator : section.get("indicators")) {
            if (indicator.get("code").asText().equals(code)) {
                return indicator;
            }
        }
        throw new AssertionError("no indicator " + code);
    }
}
