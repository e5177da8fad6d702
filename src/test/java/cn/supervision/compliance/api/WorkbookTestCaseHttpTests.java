package cn.supervision.compliance.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import com.fasterxml.jackson.databind.JsonNode;

import cn.supervision.compliance.ruleset.ShippedRuleSets;
import cn.supervision.compliance.ruleset.Workbooks;

/**
 * Every rule set carries its own test cases in a 测试用例 sheet: the shipped ones pass on the version built at start-up,
 * and a workbook whose expectation no longer holds is refused, naming the case and its rows, with nothing stored.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:http-tests;DB_CLOSE_DELAY=-1")
class WorkbookTestCaseHttpTests {

    @LocalServerPort
    int port;

    @ParameterizedTest
    @CsvSource({"balanced-development, 3", "curriculum, 11", "district-targets, 66"})
    void theShippedTestCasesOfEveryRuleSetRunAndPass(String ruleSet, int cases) {
        JsonNode version = ApiClients.admin(port).get().uri("/api/v1/rule-sets/" + ruleSet + "/versions/1")
                .retrieve().body(JsonNode.class);
        assertThat(version.get("testResults")).hasSizeGreaterThanOrEqualTo(cases)
                .allSatisfy(result -> assertThat(result.get("passed").asBoolean()).as("%s", result).isTrue());
    }

    @ParameterizedTest
    @CsvSource({"curriculum, curriculum.xlsx, F10, 未达标, '第 10 行：C04 预期“未达标”，实际“达标”'",
            "district-targets, district-targets.xlsx, F8, 未达标, '第 8 行：D01 预期“未达标”，实际“达标”'"})
    void aWorkbookWhoseCaseNoLongerHoldsIsRefused(String ruleSet, String file, String cell, String expected,
                                                  String failure) throws IOException {
        byte[] shipped = Files.readAllBytes(ShippedRuleSets.DECISION_TABLES.resolve(ruleSet).resolve(file));
        byte[] edited = Workbooks.withCell(shipped, "测试用例", cell, expected);
        int versions = versions(ruleSet);

        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("file", new ByteArrayResource(edited) {
            @Override
            public String getFilename() {
                return file;
            }
        });
        ResponseEntity<JsonNode> response = ApiClients.admin(port).post().uri("/api/v1/rule-sets/" + ruleSet + "/versions")
                .contentType(MediaType.MULTIPART_FORM_DATA).body(parts)
                .exchange((request, answer) -> ResponseEntity.status(answer.getStatusCode()).body(answer.bodyTo(JsonNode.class)));

        assertThat(response.getStatusCode().value()).isEqualTo(422);
        assertThat(response.getBody().toString()).contains("测试用例").contains(failure);
        assertThat(versions(ruleSet)).isEqualTo(versions);
    }

    private int versions(String ruleSet) {
        return ApiClients.admin(port).get().uri("/api/v1/rule-sets/" + ruleSet + "/versions").retrieve()
                .body(JsonNode.class).size();
    }
}
