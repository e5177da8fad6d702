package cn.supervision.compliance.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.supervision.compliance.api.ApiClients;

/**
 * Three counties of the node daxiang over three years of generated figures (the sample county with its equipment
 * values scaled per county and year), each year approved: a county's history and the node's ranking by R6's CV.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:http-tests;DB_CLOSE_DELAY=-1")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CountyHistoryHttpTests {

    private static final List<Integer> YEARS = List.of(2024, 2025, 2026);
    private static final List<String> COUNTIES = List.of("430503-H1", "430503-H2", "430503-H3");

    @LocalServerPort
    int port;

    @Autowired
    ObjectMapper mapper;

    @Autowired
    JdbcClient jdbc;

    /** The official evaluations by county and year, as the approvals answered. */
    private final List<JsonNode> approvals = new ArrayList<>();

    @BeforeAll
    void threeYearsOfThreeCounties() {
        for (int c = 0; c < COUNTIES.size(); c++) {
            for (int y = 0; y < YEARS.size(); y++) {
                approvals.add(approve(generated(COUNTIES.get(c), YEARS.get(y), c, y)));
            }
        }
    }

    /**
     * The history reads the summaries stored at approval (V21); an official evaluation approved before V21 has none and
     * is summarised from its replay on first read: the answer is the same either way, byte for byte.
     */
    @Test
    void anOfficialEvaluationWithoutAStoredSummaryAnswersTheSameHistory() {
        String uri = "/api/v1/subjects/430503-H2/history?ruleSet=balanced-development";
        RestClient checker = CycleClients.checker(port);
        String stored = checker.get().uri(uri).retrieve().body(String.class);
        List<String> officials = approvals.subList(YEARS.size(), 2 * YEARS.size()).stream()
                .map(a -> a.get("officialEvaluation").asText()).toList();
        for (String official : officials) {
            assertThat(jdbc.sql("DELETE FROM official_summary WHERE evaluation_id = ?").param(official).update())
                    .as("summarised at approval").isEqualTo(1);
        }
        assertThat(checker.get().uri(uri).retrieve().body(String.class)).isEqualTo(stored);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM official_summary WHERE evaluation_id IN (?, ?, ?)")
                .params(officials).query(Integer.class).single()).as("summarised again on read").isEqualTo(3);
    }

    @Test
    void aCountysHistoryHasEachYearsOfficialEvaluationFiguresAndRectifications() {
        JsonNode history = CycleClients.get(CycleClients.checker(port),
                "/api/v1/subjects/430503-H1/history?ruleSet=balanced-development");
        JsonNode years = history.get("years");
        assertThat(years.findValuesAsText("year")).containsExactly("2024", "2025", "2026");
        for (int y = 0; y < YEARS.size(); y++) {
            JsonNode official = approvals.get(y);
            JsonNode year = years.get(y);
            assertThat(year.get("evaluation").asText()).isEqualTo(official.get("officialEvaluation").asText());
            assertThat(year.get("ruleSetVersion").asText())
                    .isEqualTo(official.get("evaluation").get("ruleSetVersion").asText());
            assertThat(year.get("passed").asBoolean()).isEqualTo(official.get("evaluation").get("passed").asBoolean());
            assertThat(cv(year, "R6", "PRIMARY")).isEqualByComparingTo(variation(official, "R6", "PRIMARY"));
        }
        assertThat(years.get(0).get("rectificationsOpened").size()).isPositive();
        // the generated figures raise S4's equipment enough in the third year: the R6 item closes then
        assertThat(years.get(2).get("rectificationsClosed").size()).isPositive();
        JsonNode r6 = years.get(0).get("indicators").findParents("indicator").stream()
                .filter(f -> f.get("indicator").asText().equals("R6") && f.get("stage").asText().equals("PRIMARY"))
                .findFirst().orElseThrow();
        assertThat(r6.get("sections").asInt()).isGreaterThanOrEqualTo(r6.get("met").asInt());
        assertThat(r6.get("attainment").decimalValue()).isEqualByComparingTo(
                BigDecimal.valueOf(r6.get("met").asInt()).divide(BigDecimal.valueOf(r6.get("sections").asInt()), 4,
                        java.math.RoundingMode.HALF_UP));
    }

    @Test
    void theNodesCountiesAreRankedByTheIndicatorsCvWithItsLimit() {
        JsonNode ranking = CycleClients.get(CycleClients.checker(port),
                "/api/v1/jurisdictions/daxiang/ranking?ruleSet=balanced-development&year=2026&indicator=R6"
                        + "&stage=PRIMARY");
        JsonNode items = ranking.get("items");
        List<String> codes = new ArrayList<>();
        items.forEach(i -> codes.add(i.get("code").asText()));
        assertThat(codes).as("the node's subjects (other tests' counties of daxiang may be among them)")
                .containsAll(COUNTIES).allMatch(code -> code.startsWith("430503"));
        for (int i = 1; i < items.size(); i++) {
            assertThat(items.get(i).get("value").decimalValue())
                    .isGreaterThanOrEqualTo(items.get(i - 1).get("value").decimalValue());
            assertThat(items.get(i).get("rank").asInt()).isEqualTo(i + 1);
        }
        for (JsonNode item : items) {
            if (!COUNTIES.contains(item.get("code").asText())) {
                continue;
            }
            JsonNode official = approvals.get(COUNTIES.indexOf(item.get("code").asText()) * YEARS.size() + 2);
            assertThat(item.get("value").decimalValue()).isEqualByComparingTo(variation(official, "R6", "PRIMARY"));
        }
        assertThat(ranking.get("threshold").decimalValue()).isEqualByComparingTo(limit(approvals.get(0), "R6",
                "PRIMARY"));
        assertThat(ranking.get("lowerIsBetter").asBoolean()).isTrue();

        JsonNode elsewhere = CycleClients.get(CycleClients.daxiangChecker(port),
                "/api/v1/jurisdictions/national/ranking?ruleSet=balanced-development&year=2026&indicator=R6");
        elsewhere.get("items").forEach(i -> assertThat(i.get("code").asText()).startsWith("430503"));
    }

    @Test
    void aCountyOutsideTheReviewersNodeHasNoHistoryForThem() {
        assertThat(CycleClients.daxiangChecker(port).get()
                .uri("/api/v1/subjects/431103-nowhere/history?ruleSet=balanced-development").retrieve()
                .toEntity(JsonNode.class).getStatusCode().value()).isEqualTo(404);
    }

    /** The sample county with S1..S6's equipment scaled by county and year (S4 reaching R6's threshold in 2026). */
    private ObjectNode generated(String code, int year, int county, int yearIndex) {
        ObjectNode request = ApiClients.sample(mapper, code);
        ((ObjectNode) request.get("subject")).put("year", year);
        BigDecimal factor = BigDecimal.ONE.add(BigDecimal.valueOf(county * 3L + yearIndex * 2L, 2));
        for (JsonNode school : (ArrayNode) request.get("subject").get("schools")) {
            for (JsonNode section : school.get("sections")) {
                if (section.has("equipmentValueYuan")) {
                    ((ObjectNode) section).put("equipmentValueYuan",
                            section.get("equipmentValueYuan").decimalValue().multiply(factor));
                }
            }
        }
        return request;
    }

    private JsonNode approve(ObjectNode request) {
        String id = CycleClients.post(CycleClients.clerk(port), "/api/v1/submissions", request).getBody().get("id")
                .asText();
        RestClient checker = CycleClients.checker(port);
        return CycleClients.post(checker, "/api/v1/submissions/" + id + "/approve", Map.of()).getBody();
    }

    private static BigDecimal cv(JsonNode year, String indicator, String stage) {
        return year.get("indicators").findParents("indicator").stream()
                .filter(f -> f.get("indicator").asText().equals(indicator) && stage.equals(f.path("stage").asText()))
                .findFirst().orElseThrow().get("cv").decimalValue();
    }

    private static BigDecimal variation(JsonNode official, String indicator, String stage) {
        return entry(official, indicator, stage).get("cv").decimalValue();
    }

    private static BigDecimal limit(JsonNode official, String indicator, String stage) {
        return entry(official, indicator, stage).get("limit").decimalValue();
    }

    private static JsonNode entry(JsonNode official, String indicator, String stage) {
        for (JsonNode v : official.get("evaluation").get("variation")) {
            if (v.get("indicator").asText().equals(indicator) && v.get("stage").asText().equals(stage)) {
                return v;
            }
        }
        throw new AssertionError("no variation " + indicator + " " + stage);
    }
}
