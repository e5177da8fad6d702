package cn.supervision.compliance.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

/** The curriculum and district-target rule sets over real HTTP, with the sample requests shipped in the repository. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:http-tests;DB_CLOSE_DELAY=-1")
class TargetHttpTests {

    @LocalServerPort
    int port;

    @Autowired
    ObjectMapper mapper;

    private RestClient http() {
        return ApiClients.integratorKey(port);
    }

    private static String sample(String file) throws IOException {
        return Files.readString(Path.of("samples", file));
    }

    /** "code verdict" of every check, in result order. */
    private static List<String> verdicts(JsonNode result) {
        List<String> verdicts = new ArrayList<>();
        result.get("checks").forEach(c -> verdicts.add(c.get("code").asText() + " " + c.get("verdict").asText()));
        return verdicts;
    }

    @Test
    void theSampleSchoolIsEvaluatedStoredAndReadBack() throws IOException {
        ResponseEntity<JsonNode> created = ApiClients.postEvaluation(http(), sample("school-curriculum.json"));

        assertThat(created.getStatusCode().value()).isEqualTo(201);
        JsonNode result = created.getBody();
        assertThat(result.get("ruleSet").asText()).isEqualTo("curriculum");
        assertThat(result.get("subject").get("schoolId").asText()).isEqualTo("DX-JY-001");
        assertThat(result.get("passed").asBoolean()).isFalse();
        assertThat(verdicts(result)).containsExactly(
                "C01 PASSED", "C02 PASSED", "C02 PASSED", "C03 NOT_APPLICABLE",
                "C04 PASSED", "C04 PASSED", "C04 NOT_APPLICABLE", "C05 PASSED", "C05 PASSED", "C06 PASSED",
                "C06 PASSED", "C07 NOT_APPLICABLE", "C08 PASSED", "C08 PASSED", "C08 PASSED",
                "C09 PASSED", "C09 PASSED", "C09 FAILED", "C10 PASSED", "C10 PASSED", "C10 PASSED",
                "C11 PASSED", "C12 PASSED", "C12 FAILED", "C13 PASSED", "C13 PASSED", "C13 FAILED",
                "C14 PASSED", "C14 PASSED", "C15 PASSED", "C04 PASSED", "C16 NOT_APPLICABLE", "C16 NOT_APPLICABLE",
                "C17 PASSED", "C06 PASSED");
        assertThat(result.get("jurisdictionChain").toString()).isEqualTo("[\"national\",\"beijing\",\"daxing\"]");
        JsonNode homework = result.get("checks").get(17);
        assertThat(homework.get("subject").asText()).isEqualTo("7-9年级");
        assertThat(homework.get("value").decimalValue()).isEqualByComparingTo("130");
        assertThat(homework.get("threshold").decimalValue()).isEqualByComparingTo("120");
        assertThat(homework.get("failing").get(0).asText()).isEqualTo("9");
        assertThat(homework.get("rule").get("workbook").asText()).isEqualTo("curriculum.xlsx");
        assertThat(result.get("hints").findValuesAsText("indicator")).containsExactly("C09", "C12", "C13");
        assertThat(result.get("sections")).isEmpty();

        JsonNode stored = http().get().uri(created.getHeaders().getLocation()).retrieve().body(JsonNode.class);
        assertThat(stored).isEqualTo(result);
    }

    @Test
    void theSampleDaxingDistrictGetsItsOwnRowsAndTheirUnits() throws IOException {
        ResponseEntity<JsonNode> created = ApiClients.postEvaluation(http(), sample("district-daxing.json"));

        assertThat(created.getStatusCode().value()).isEqualTo(201);
        JsonNode result = created.getBody();
        assertThat(result.get("subject").get("districtCode").asText()).isEqualTo("110115");
        assertThat(verdicts(result)).containsExactly(
                "D01 PASSED", "D02 NOT_YET_IN_FORCE", "D03 NOT_YET_IN_FORCE",
                "D05 PASSED", "D05 FAILED", "D06 PASSED", "D06 FAILED", "D07 PASSED", "D09 FAILED", "D09 PASSED",
                "D12 PASSED", "D12 PASSED", "D12 PASSED", "D13 PASSED", "D13 PASSED", "D13 PASSED", "D13 PASSED",
                "D13 PASSED", "D13 PASSED", "D14 PASSED", "D14 PASSED", "D15 PASSED", "D16 PASSED", "D16 PASSED",
                "D04 PASSED", "D17 PASSED", "D18 PASSED", "D22 PASSED", "D22 PASSED", "D22 PASSED", "D22 PASSED",
                "D23 PASSED", "D24 PASSED", "D27 PASSED");
        JsonNode d09 = result.get("hints").get(2);
        assertThat(d09.get("indicator").asText()).isEqualTo("D09");
        assertThat(d09.get("leadUnit").asText()).isEqualTo("区文化和旅游局");
        assertThat(d09.get("supportingUnits")).hasSize(4);
        assertThat(d09.get("supportingUnits").get(0).asText()).isEqualTo("区委宣传部");
        assertThat(d09.get("departments").get(0).asText()).isEqualTo("区文化和旅游局");

        ObjectNode national = (ObjectNode) mapper.readTree(sample("district-daxing.json"));
        national.put("jurisdiction", "national");
        assertThat(verdicts(ApiClients.postEvaluation(http(), national.toString()).getBody())).noneMatch(v -> v.startsWith("D09"));
    }

    @Test
    void theSampleProvinceGetsTheShareOfCountiesRecognised() throws IOException {
        ResponseEntity<JsonNode> created = ApiClients.postEvaluation(http(), sample("province-zhejiang.json"));

        assertThat(created.getStatusCode().value()).isEqualTo(201);
        JsonNode result = created.getBody();
        assertThat(result.get("subject").get("provinceCode").asText()).isEqualTo("330000");
        assertThat(verdicts(result)).containsExactly("D08 PASSED", "D19 PASSED");
        assertThat(result.get("checks").get(0)).hasSize(2);   // a passed check is its code and verdict by default
        JsonNode full = http().get().uri(created.getHeaders().getLocation() + "?view=full").retrieve()
                .body(JsonNode.class);
        assertThat(full.get("checks").get(0).get("value").decimalValue()).isEqualByComparingTo("40");
        assertThat(result.get("passed").asBoolean()).isTrue();
    }

    @Test
    void badInputIsA400ProblemNamingTheField() throws IOException {
        ObjectNode school = (ObjectNode) mapper.readTree(sample("school-curriculum.json"));
        ((ObjectNode) school.get("subject")).put("homeVisitCoverage", 120);
        assertRejected(school, "subject.homeVisitCoverage");

        ObjectNode district = (ObjectNode) mapper.readTree(sample("district-daxing.json"));
        district.put("jurisdiction", "atlantis");
        assertRejected(district, "jurisdiction");

        ObjectNode gap = (ObjectNode) mapper.readTree(sample("district-daxing.json"));
        ((ObjectNode) gap.get("subject").get("spending").get(2)).put("year", 2020);
        assertRejected(gap, "subject.spending[2].year");
    }

    private void assertRejected(ObjectNode request, String field) {
        ResponseEntity<JsonNode> response = ApiClients.postEvaluation(http(), request.toString());
        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(response.getBody().get("errors").findValuesAsText("field")).contains(field);
        assertThat(response.getBody().toString()).doesNotContain("Exception", "at cn.", "java.");
    }

    @Test
    void theIndicatorsOfARuleSetAreListedFromItsActiveVersion() {
        JsonNode targets = http().get().uri("/api/v1/rule-sets/district-targets/indicators").retrieve()
                .body(JsonNode.class);
        assertThat(targets.get("version").asText()).hasSize(64);
        assertThat(targets.get("indicators").findValuesAsText("code"))
                .containsExactly("D01", "D02", "D03", "D04", "D05", "D05", "D06", "D06", "D07", "D07", "D08", "D09", "D09",
                        "D10", "D11", "D12", "D12", "D12", "D13", "D13", "D13", "D13", "D13", "D13", "D14", "D14", "D15",
                        "D15", "D16", "D16", "D04", "D17", "D18", "D19", "D19", "D19", "D20", "D21", "D21", "D11", "D22",
                        "D22", "D22", "D22", "D23", "D24", "D25", "D26", "D26", "D26", "D11", "D27", "D28", "D29", "D30",
                        "D31");
        JsonNode d01 = targets.get("indicators").get(0);
        assertThat(d01.get("effectiveFrom").asInt()).isEqualTo(2025);
        assertThat(d01.get("source").asText()).contains("北京市新时代基础教育扩优提质行动计划实施方案");
        assertThat(targets.get("indicators").get(11).get("jurisdiction").asText()).isEqualTo("daxing");
        assertThat(targets.get("jurisdictions").findValuesAsText("code"))
                .containsExactly("national", "beijing", "daxing", "zhejiang", "hunan", "shaoyang", "daxiang");
        assertThat(targets.get("jurisdictions").get(6).get("parent").asText()).isEqualTo("shaoyang");
        assertThat(targets.get("jurisdictions").get(6).get("level").asText()).isEqualTo("district");

        JsonNode curriculum = http().get().uri("/api/v1/rule-sets/curriculum/indicators").retrieve().body(JsonNode.class);
        assertThat(curriculum.get("indicators").findValuesAsText("code")).contains("C01", "C14", "C17").hasSize(38);

        ResponseEntity<JsonNode> unknown = http().get().uri("/api/v1/rule-sets/no-such-set/indicators").retrieve()
                .toEntity(JsonNode.class);
        assertThat(unknown.getStatusCode().value()).isEqualTo(404);
        assertThat(unknown.getHeaders().getContentType()).hasToString("application/problem+json");
    }
}
