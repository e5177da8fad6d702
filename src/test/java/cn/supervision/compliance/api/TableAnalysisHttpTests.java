package cn.supervision.compliance.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

import cn.supervision.compliance.ruleset.Workbooks;
import cn.supervision.compliance.system.Role;

/**
 * Issue 22, point 5, over real HTTP on H2: every shipped rule set's version carries the coverage of its rule rows by
 * its own test cases; an overlapping row refuses the upload naming both rows; an upload that deletes every test case
 * and relaxes R1 is accepted but shows the approver the deleted cases and the fall in coverage, in the upload answer
 * and in the version read back.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:table-analysis;DB_CLOSE_DELAY=-1")
class TableAnalysisHttpTests {

    @LocalServerPort
    int port;

    JsonNode active(String ruleSet) {
        for (JsonNode set : ApiClients.as(port, Role.AUDITOR).get().uri("/api/v1/rule-sets").retrieve().body(JsonNode.class)) {
            if (set.get("name").asText().equals(ruleSet)) {
                return set.get("active");
            }
        }
        throw new AssertionError("no rule set " + ruleSet);
    }

    @Test
    void everyShippedRuleSetShowsTheCoverageOfItsRuleRowsByItsTestCases() {
        for (String ruleSet : List.of("balanced-development", "curriculum", "district-targets")) {
            JsonNode analysis = active(ruleSet).get("analysis");
            assertThat(analysis.get("total").asInt()).as(ruleSet).isPositive();
            assertThat(analysis.get("covered").asInt()).as(ruleSet).isPositive()
                    .isLessThanOrEqualTo(analysis.get("total").asInt());
            int sheets = 0;
            for (JsonNode sheet : analysis.get("coverage")) {
                sheets += sheet.get("total").asInt();
                assertThat(sheet.get("uncovered").size()).as("%s %s", ruleSet, sheet)
                        .isEqualTo(sheet.get("total").asInt() - sheet.get("covered").asInt());
                sheet.get("uncovered").forEach(row -> assertThat(row.asText()).startsWith(sheet.get("sheet").asText() + "!"));
            }
            assertThat(sheets).isEqualTo(analysis.get("total").asInt());
            System.out.printf("coverage %s: %d/%d rule rows%n", ruleSet, analysis.get("covered").asInt(),
                    analysis.get("total").asInt());
        }
    }

    @Test
    void anOverlappingRowIsRefusedNamingBothRows() {
        // 资源配置标准 row 20 is R6 小学 ≥2000; a second R6 小学 row under the table sets ≥1900
        byte[] workbook = Workbooks.edited(Workbooks.shipped(), book -> {
            Sheet sheet = book.getSheet("资源配置标准");
            Row copy = sheet.createRow(sheet.getLastRowNum() + 1);
            Row r6 = sheet.getRow(19);
            for (int c = 0; c < r6.getLastCellNum(); c++) {
                copy.createCell(c).setCellValue(r6.getCell(c).getStringCellValue());
            }
            copy.getCell(4).setCellValue("≥1900");
        });
        ResponseEntity<JsonNode> refused = RebaseHttpTests.upload(ApiClients.as(port, Role.POLICY_EDITOR), workbook, "重叠");
        assertThat(refused.getStatusCode().value()).as("%s", refused.getBody()).isEqualTo(422);
        assertThat(refused.getBody().get("problems").toString()).contains("资源配置标准!20", "资源配置标准!24", "重叠");
    }

    @Test
    void deletingEveryTestCaseAndRelaxingR1ShowsTheRemovalAndTheFallInCoverage() {
        JsonNode before = active("balanced-development");
        int cases = before.get("testResults").size();
        byte[] workbook = Workbooks.edited(Workbooks.withCell(Workbooks.shipped(), "资源配置标准", "E10", "≥0.1"), book -> {
            Sheet tests = book.getSheet("测试用例");
            List<Row> rows = new ArrayList<>();
            for (Row row : tests) {
                if (row.getRowNum() >= 4) {
                    rows.add(row);
                }
            }
            rows.forEach(tests::removeRow);
        });
        ResponseEntity<JsonNode> uploaded = RebaseHttpTests.upload(ApiClients.as(port, Role.POLICY_EDITOR), workbook,
                "放宽 R1");
        assertThat(uploaded.getStatusCode().value()).as("%s", uploaded.getBody()).isEqualTo(201);
        assertThat(uploaded.getBody().get("testResults")).isEmpty();
        JsonNode stored = ApiClients.as(port, Role.AUDITOR).get()
                .uri("/api/v1/rule-sets/balanced-development/versions/" + uploaded.getBody().get("sequence").asInt())
                .retrieve().body(JsonNode.class);
        for (JsonNode version : List.of(uploaded.getBody(), stored)) {
            JsonNode analysis = version.get("analysis");
            assertThat(analysis.get("removedTestCases").size()).isEqualTo(cases);
            assertThat(analysis.get("covered").asInt()).isZero();
            assertThat(analysis.get("activeCovered").asInt()).isEqualTo(before.get("analysis").get("covered").asInt());
            assertThat(analysis.get("notices").get(0).asText()).startsWith("删除测试用例 " + cases + " 条");
            assertThat(analysis.get("notices").get(1).asText())
                    .startsWith("测试用例覆盖的规则行由 " + before.get("analysis").get("covered").asInt() + "/")
                    .contains("降至 0/");
        }
    }
}
