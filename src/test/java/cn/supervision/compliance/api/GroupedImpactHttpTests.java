package cn.supervision.compliance.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.supervision.compliance.ruleset.Workbooks;

/**
 * Issue 22, point 6, over real HTTP on H2: a version's impact over a few hundred stored evaluations counts the newest
 * evaluation of each subject once and groups the subjects and school sections flipping each way by the tree (national
 * → province → city → county). The expected flips come from an independent oracle: the same requests evaluated again
 * through the API once the version is active, compared with their stored answers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.datasource.url=jdbc:h2:mem:grouped-impact;DB_CLOSE_DELAY=-1",
                      "compliance.rules.watch.enabled=false"})
class GroupedImpactHttpTests {

    private static final String NAME = "balanced-development";
    private static final String SET = "/api/v1/rule-sets/" + NAME;
    /**
     * The nodes the subjects are placed in, by the division codes they start with: 大祥区 and 大兴区, and 杭州市西湖区
     * (330106), which the shipped tree places under 浙江省 (it has no node for Hangzhou).
     */
    private static final Map<String, String> COUNTIES = Map.of("daxiang", "430503", "zhejiang", "330106",
            "daxing", "110115");
    private static final int FALLING = 16;
    private static final int RISING = 8;
    private static final int STEADY = 16;

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper mapper;

    private final Map<String, JsonNode> latestRequests = new LinkedHashMap<>();
    private final Map<String, JsonNode> latestAnswers = new HashMap<>();
    private final Map<String, String> nodeOf = new HashMap<>();
    private int stored;

    @Test
    void theImpactCountsEachSubjectsNewestEvaluationOnceGroupedByTheTreeWithFlipsEachWay() {
        int base = activeSequence();
        int strict = upload(r6("≥2350"), "R6 小学 ≥2350");
        int candidate = upload(r6("≥2300"), "R6 小学 ≥2300");

        // the first school already misses R7 within the tolerance, so a miss of R6 fails its section.
        // rising: 2320 yuan per pupil misses the strict version's 2350 and meets the candidate's 2300
        approve(strict);
        for (var county : COUNTIES.entrySet()) {
            for (int i = 0; i < RISING; i++) {
                evaluate(county, 100 + i, 2320);
            }
        }
        approve(base);
        // falling: 2100 meets 2000, not 2300; steady: an older evaluation would fall, the newest would not
        for (var county : COUNTIES.entrySet()) {
            for (int i = 0; i < FALLING; i++) {
                evaluate(county, 200 + i, 2400);
                evaluate(county, 200 + i, 2100);
            }
            for (int i = 0; i < STEADY; i++) {
                evaluate(county, 300 + i, 2100);
                evaluate(county, 300 + i, 2400);
            }
        }
        assertThat(stored).isGreaterThanOrEqualTo(200);

        JsonNode impact = ApiClients.admin(port).get().uri(SET + "/versions/" + candidate + "/impact?limit=1000")
                .retrieve().body(JsonNode.class);

        Map<String, int[]> expected = oracle(candidate);
        int subjects = latestRequests.size();
        assertThat(impact.get("evaluationsChecked").asInt()).isEqualTo(subjects);
        Map<String, JsonNode> nodes = new LinkedHashMap<>();
        impact.get("nodes").forEach(node -> nodes.put(node.get("node").asText(), node));
        assertThat(nodes.keySet()).containsSubsequence("national", "beijing", "daxing")
                .containsSubsequence("national", "zhejiang")
                .containsSubsequence("national", "hunan", "shaoyang", "daxiang");
        assertThat(nodes.get("national").get("subjectsChecked").asInt()).isEqualTo(subjects);
        assertThat(nodes.get("hunan").get("name").asText()).isEqualTo("湖南省");
        for (String county : COUNTIES.keySet()) {
            JsonNode node = nodes.get(county);
            int[] counts = expected.get(county);
            assertThat(node.get("subjectsChecked").asInt()).isEqualTo(RISING + FALLING + STEADY);
            assertThat(node.get("schools").get("toPassed").asInt()).as(county).isEqualTo(counts[0]);
            assertThat(node.get("schools").get("toFailed").asInt()).as(county).isEqualTo(counts[1]);
            assertThat(node.get("subjects").get("toPassed").asInt()).as(county).isEqualTo(counts[2]);
            assertThat(node.get("subjects").get("toFailed").asInt()).as(county).isEqualTo(counts[3]);
            assertThat(counts[0]).as("schools of %s flipping to 达标", county).isPositive();
            assertThat(counts[1]).as("schools of %s flipping to 未达标", county).isPositive();
            assertThat(node.get("schools").get("namedToFailed").size()).isBetween(1, 20);
        }
        JsonNode hunan = nodes.get("hunan").get("schools");
        assertThat(hunan.get("toFailed").asInt()).isEqualTo(expected.get("daxiang")[1]);
        assertThat(nodes.get("national").get("schools").get("toFailed").asInt())
                .isEqualTo(expected.values().stream().mapToInt(c -> c[1]).sum());
        assertThat(impact.get("changes").size()).isLessThanOrEqualTo(200);
    }

    /**
     * Per county: sections flipping to 达标 and to 未达标, subjects flipping to 达标 and to 未达标, found by evaluating each
     * subject's newest request again once the candidate is active.
     */
    private Map<String, int[]> oracle(int candidate) {
        approve(candidate);
        Map<String, int[]> counts = new HashMap<>();
        for (var entry : latestRequests.entrySet()) {
            JsonNode before = latestAnswers.get(entry.getKey());
            JsonNode after = evaluateFull(entry.getValue());
            int[] c = counts.computeIfAbsent(nodeOf.get(entry.getKey()), k -> new int[4]);
            Map<String, Boolean> sections = sections(before);
            sections(after).forEach((section, passed) -> {
                Boolean was = sections.get(section);
                if (was != null && !was && passed) {
                    c[0]++;
                } else if (was != null && was && !passed) {
                    c[1]++;
                }
            });
            boolean was = before.get("passed").asBoolean();
            boolean is = after.get("passed").asBoolean();
            c[2] += !was && is ? 1 : 0;
            c[3] += was && !is ? 1 : 0;
        }
        return counts;
    }

    private static Map<String, Boolean> sections(JsonNode answer) {
        Map<String, Boolean> sections = new HashMap<>();
        answer.get("sections").forEach(s -> sections.put(s.get("schoolId").asText() + "/" + s.get("stage").asText(),
                s.get("passed").asBoolean()));
        return sections;
    }

    /**
     * The sample county under a code of the county node, its first school's equipment at {@code perPupil} yuan and
     * 14 multimedia rooms for its 640 pupils (2.19 per hundred: R7's 2.3 missed within the tolerance).
     */
    private void evaluate(Map.Entry<String, String> county, int number, int perPupil) {
        String code = county.getValue() + number;
        ObjectNode request = ApiClients.sample(mapper, code);
        ObjectNode section = (ObjectNode) request.get("subject").get("schools").get(0).get("sections").get(0);
        section.put("equipmentValueYuan", (double) perPupil * section.get("students").asInt());
        section.put("multimediaRooms", 14);
        JsonNode answer = evaluateFull(request);
        latestRequests.put(code, request);
        latestAnswers.put(code, answer);
        nodeOf.put(code, county.getKey());
        stored++;
    }

    private JsonNode evaluateFull(JsonNode request) {
        ResponseEntity<JsonNode> response = ApiClients.admin(port).post().uri("/api/v1/evaluations?view=full")
                .contentType(MediaType.APPLICATION_JSON).body(request).retrieve().toEntity(JsonNode.class);
        assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(201);
        return response.getBody();
    }

    private static byte[] r6(String requirement) {
        byte[] workbook = Workbooks.withCell(Workbooks.shipped(), "资源配置标准", "E20", requirement);
        workbook = Workbooks.withCell(workbook, "测试用例", "P5", "R6");
        return Workbooks.withCell(workbook, "测试用例", "P6", "R6");
    }

    private int activeSequence() {
        return ApiClients.admin(port).get().uri("/api/v1/rule-sets").retrieve().body(JsonNode.class).get(0)
                .get("active").get("sequence").asInt();
    }

    private int upload(byte[] workbook, String comment) {
        ResponseEntity<JsonNode> response = ApiClients.uploadResourceAllocation(ApiClients.admin(port), workbook,
                comment);
        assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(201);
        return response.getBody().get("sequence").asInt();
    }

    private void approve(int sequence) {
        ResponseEntity<JsonNode> response = ApiClients.activate(ApiClients.reviewer(port), NAME, sequence, "核对无误");
        assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(200);
    }
}
