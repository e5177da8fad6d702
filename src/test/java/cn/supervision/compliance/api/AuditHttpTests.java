package cn.supervision.compliance.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The auditors' path over real HTTP: search, trace ("why did R6 fail for S4"), comparison. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:http-tests;DB_CLOSE_DELAY=-1")
class AuditHttpTests {

    @LocalServerPort
    int port;

    @Autowired
    ObjectMapper mapper;

    private RestClient http() {
        return ApiClients.admin(port);
    }

    private JsonNode get(String uri) {
        ResponseEntity<JsonNode> response = http().get().uri(uri).retrieve().toEntity(JsonNode.class);
        assertThat(response.getStatusCode().value()).as(uri).isEqualTo(200);
        return response.getBody();
    }

    @Test
    void evaluationsAreFoundByCountyYearVerdictAndFailedIndicatorNewestFirst() {
        String county = "AUD-SEARCH";
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(ApiClients.evaluate(http(), ApiClients.sample(mapper, county)).get("id").asText());
        }

        JsonNode all = get("/api/v1/evaluations?countyCode=" + county + "&year=2026&ruleSet=balanced-development");
        assertThat(all.get("total").asLong()).isEqualTo(3);
        assertThat(all.get("items").findValuesAsText("id")).containsExactly(ids.get(2), ids.get(1), ids.get(0));
        JsonNode first = all.get("items").get(0);
        assertThat(first.get("passed").asBoolean()).isFalse();
        assertThat(first.get("submittedBy").asText()).isEqualTo("admin");
        assertThat(first.get("subjectName").asText()).isEqualTo("大祥区");
        assertThat(first.get("failedIndicators").toString()).contains("R6");

        JsonNode page1 = get("/api/v1/evaluations?countyCode=" + county + "&size=2&page=1");
        assertThat(page1.get("total").asLong()).isEqualTo(3);
        assertThat(page1.get("totalPages").asInt()).isEqualTo(2);
        assertThat(page1.get("items").findValuesAsText("id")).containsExactly(ids.get(0));

        assertThat(get("/api/v1/evaluations?countyCode=" + county + "&failedIndicator=R6").get("total").asLong())
                .isEqualTo(3);
        assertThat(get("/api/v1/evaluations?countyCode=" + county + "&failedIndicator=R9").get("total").asLong())
                .isZero();
        assertThat(get("/api/v1/evaluations?countyCode=" + county + "&passed=true").get("total").asLong()).isZero();
        assertThat(get("/api/v1/evaluations?countyCode=" + county + "&year=2025").get("total").asLong()).isZero();
    }

    @Test
    void aBadPageSizeIsA400Problem() {
        ResponseEntity<JsonNode> response = http().get().uri("/api/v1/evaluations?size=0").retrieve()
                .toEntity(JsonNode.class);
        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getBody().get("errors").findValuesAsText("field")).containsExactly("size");
    }

    @Test
    void theTraceAnswersWhyAnIndicatorFailedForASchool() {
        String id = ApiClients.evaluate(http(), ApiClients.sample(mapper, "AUD-TRACE")).get("id").asText();

        JsonNode trace = get("/api/v1/evaluations/" + id + "/trace?indicator=R6&school=S4");

        assertThat(trace.get("evaluationId").asText()).isEqualTo(id);
        JsonNode r6 = step(trace, "INDICATOR", "S4", "R6");
        assertThat(r6.get("verdict").asText()).isEqualTo("FAILED");
        assertThat(r6.get("figures").get("field").asText()).isEqualTo("equipmentValueYuan");
        assertThat(r6.get("figures").get("raw").decimalValue()).isEqualByComparingTo("810000");
        assertThat(r6.get("figures").get("students").asInt()).isEqualTo(420);
        assertThat(r6.get("comparator").asText()).isEqualTo("≥");
        assertThat(r6.get("shortfall").decimalValue()).isEqualByComparingTo("30000");
        assertThat(r6.get("rule").get("workbook").asText()).isEqualTo("resource-allocation.xlsx");
        assertThat(r6.get("rule").get("sheet").asText()).isEqualTo("资源配置标准");
        assertThat(r6.get("rule").get("row").asInt()).isPositive();
        assertThat(r6.get("explanation").asText()).contains("檀江乡中心小学", "810000 / 420", "未达标");
        assertThat(step(trace, "SCHOOL_RULE", "S4", null).get("metCount").isInt()).isTrue();
        assertThat(step(trace, "VARIATION", null, "R6").get("stage")).isNotNull();
        assertThat(trace.get("checks").findValuesAsText("schoolId")).containsOnly("S4");
    }

    @Test
    void theTraceShowsPassedChecksSplitFiguresExclusionsAndVariation() {
        String id = ApiClients.evaluate(http(), ApiClients.sample(mapper, "AUD-TRACE2")).get("id").asText();

        JsonNode trace = get("/api/v1/evaluations/" + id + "/trace");

        JsonNode s1 = step(trace, "INDICATOR", "S1", "R6");
        assertThat(s1.get("verdict").asText()).isEqualTo("PASSED");
        assertThat(s1.get("value").decimalValue()).isEqualByComparingTo("2265.625");
        JsonNode split = step(trace, "INDICATOR", "S2", "R4");
        assertThat(split.get("figures").get("split").asBoolean()).isTrue();
        assertThat(split.get("figures").get("schoolTotal").decimalValue()).isEqualByComparingTo("5720");
        assertThat(step(trace, "EXCLUSION", "T1", null).get("reason").asText()).isEqualTo("SPECIAL_ED");
        assertThat(step(trace, "EXCLUSION", "P9", null).get("verdict").asText()).isEqualTo("NOT_ASSESSED");
        assertThat(trace.get("checks").findValuesAsText("kind")).contains("VARIATION", "SCHOOL_RULE");
        assertThat(get("/api/v1/evaluations/" + id).get("sections").size())
                .isEqualTo((int) count(trace, "SCHOOL_RULE"));
    }

    @Test
    void twoYearsOfACountyAreComparedCheckByCheck() {
        ObjectNode before = ApiClients.sample(mapper, "AUD-COMPARE");
        ObjectNode after = ApiClients.sample(mapper, "AUD-COMPARE");
        ((ObjectNode) after.get("subject")).put("year", 2027);
        ((ObjectNode) after.get("subject").get("schools").get(3).get("sections").get(0))
                .put("equipmentValueYuan", 900000);
        String a = ApiClients.evaluate(http(), before).get("id").asText();
        String b = ApiClients.evaluate(http(), after).get("id").asText();

        JsonNode comparison = get("/api/v1/evaluations/" + a + "/compare/" + b);

        assertThat(comparison.get("sameSubject").asBoolean()).isTrue();
        assertThat(comparison.get("before").get("subject").get("year").asInt()).isEqualTo(2026);
        JsonNode s4 = null;
        for (JsonNode change : comparison.get("changed")) {
            if ("S4".equals(change.path("schoolId").asText()) && "R6".equals(change.path("indicator").asText())) {
                s4 = change;
            }
        }
        assertThat(s4).isNotNull();
        assertThat(s4.get("verdictBefore").asText()).isEqualTo("FAILED");
        assertThat(s4.get("verdictAfter").asText()).isEqualTo("PASSED");
        assertThat(comparison.get("changed").findValuesAsText("schoolId")).doesNotContain("S1");
        assertThat(get("/api/v1/evaluations/" + a + "/compare?with=" + b)).isEqualTo(comparison);
        assertThat(get("/api/v1/evaluations/" + a + "/compare/" + a).get("changed")).isEmpty();
    }

    @Test
    void unknownEvaluationsAre404Problems() {
        for (String uri : List.of("/api/v1/evaluations/nope/trace", "/api/v1/evaluations/nope/report",
                "/api/v1/evaluations/nope/compare/nada")) {
            ResponseEntity<JsonNode> response = http().get().uri(uri).retrieve().toEntity(JsonNode.class);
            assertThat(response.getStatusCode().value()).as(uri).isEqualTo(404);
            assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
        }
    }

    private static JsonNode step(JsonNode trace, String kind, String school, String indicator) {
        for (JsonNode step : trace.get("checks")) {
            if (step.get("kind").asText().equals(kind)
                    && (school == null || school.equals(step.path("schoolId").asText()))
                    && (indicator == null || indicator.equals(step.path("indicator").asText()))) {
                return step;
            }
        }
        throw new AssertionError("no " + kind + " step for " + school + " " + indicator + " in " + trace);
    }

    private static long count(JsonNode trace, String kind) {
        long n = 0;
        for (JsonNode step : trace.get("checks")) {
            if (step.get("kind").asText().equals(kind)) {
                n++;
            }
        }
        return n;
    }
}
