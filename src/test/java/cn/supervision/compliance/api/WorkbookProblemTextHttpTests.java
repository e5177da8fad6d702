package cn.supervision.compliance.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import com.fasterxml.jackson.databind.JsonNode;

import cn.supervision.compliance.ruleset.Workbooks;

/**
 * Issue 15: policy staff read every problem of an uploaded rule workbook in Chinese, with its sheet and cell and never
 * a line of the rules' code; a request that asks for English gets the English twin of the same message.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:http-tests;DB_CLOSE_DELAY=-1")
class WorkbookProblemTextHttpTests {

    private static final Pattern CHINESE = Pattern.compile("\\p{IsHan}");
    private static final String STANDARDS = "资源配置标准";

    @LocalServerPort
    int port;

    @Test
    void aBadRequirementCellIsExplainedInChineseAtItsCell() {
        byte[] workbook = Workbooks.withCell(Workbooks.shipped(), STANDARDS, "E14", "2,2千");

        JsonNode problem = single(upload(workbook, "zh-CN"));
        assertThat(problem.get("sheet").asText()).isEqualTo(STANDARDS);
        assertThat(problem.get("cell").asText()).isEqualTo("E14");
        assertThat(problem.get("message").asText())
                .isEqualTo("“2,2千”不是要求：请写比较符和数字，如 ≥4.5 或 ≤0.4（标准（要求））");

        assertThat(single(upload(workbook, "en")).get("message").asText()).isEqualTo(
                "\"2,2千\" is not a requirement: write a comparator and a number, such as ≥4.5 or ≤0.4 (标准（要求）)");
    }

    @Test
    void swappedColumnsAreExplainedByTheirHeadingsNotByTheirCode() {
        byte[] workbook = Workbooks.edited(Workbooks.shipped(), book -> swapColumns(book.getSheet(STANDARDS), 2, 3));

        ResponseEntity<JsonNode> chinese = upload(workbook, "zh-CN");
        List<JsonNode> problems = problems(chinese);
        assertThat(problems).extracting(p -> p.get("sheet").asText()).containsOnly(STANDARDS);
        assertThat(problems).anySatisfy(p -> {
            assertThat(p.get("cell").asText()).matches("C\\d+");
            assertThat(p.get("message").asText()).startsWith(
                    "工作表“资源配置标准”第 C 列的标题应为“指标名称”，现为“缺口单位”：列的顺序或代码行被改动");
        });
        assertThat(chinese.getBody().get("detail").asText()).contains("工作表“资源配置标准”", "单元格 C");
        assertReadable(chinese);

        assertThat(problems(upload(workbook, "en"))).anySatisfy(p -> assertThat(p.get("message").asText())
                .startsWith("the heading of column C of sheet \"资源配置标准\" should be \"指标名称\" but is \"缺口单位\""));
    }

    @Test
    void aFailingTestCaseNamesTheCaseItsRowsAndWhatWasExpected() {
        byte[] workbook = Workbooks.withCell(Workbooks.shipped(), STANDARDS, "E20", "≥2300");

        ResponseEntity<JsonNode> chinese = upload(workbook, "zh-CN");
        JsonNode first = problems(chinese).get(0);
        assertThat(first.get("sheet").asText()).isEqualTo("测试用例");
        assertThat(first.get("cell").asText()).isEqualTo("A5:Q5");
        assertThat(first.get("message").asText())
                .isEqualTo("测试用例“一所小学恰好达标”未通过：第 5 行（A 小学）：未达标指标预期“无”，实际“R6”");
        assertThat(chinese.getBody().get("detail").asText())
                .startsWith("resource-allocation.xlsx，工作表“测试用例”，单元格 A5:Q5：测试用例“一所小学恰好达标”未通过");
        assertReadable(chinese);

        assertThat(problems(upload(workbook, "en")).get(0).get("message").asText())
                .isEqualTo("test case \"一所小学恰好达标\" failed: row 5 (A 小学): 未达标指标 expected none, got R6");
    }

    @Test
    void aCycleInTheJurisdictionTreeIsRefusedAtTheRowThatClosesIt() {
        byte[] workbook = Workbooks.withCell(Workbooks.shipped(), "管辖区域", "B10", "daxing");

        ResponseEntity<JsonNode> chinese = upload(workbook, "zh-CN");
        assertThat(problems(chinese)).first().satisfies(p -> {
            assertThat(p.get("sheet").asText()).isEqualTo("管辖区域");
            assertThat(p.get("cell").asText()).isEqualTo("A11");
            assertThat(p.get("message").asText()).startsWith("管辖区域“national”的上级链回到了“national”");
        });
        assertReadable(chinese);
    }

    /** Every problem in Chinese words, none showing the code of a rule. */
    private static void assertReadable(ResponseEntity<JsonNode> response) {
        assertThat(response.getBody().get("detail").asText()).containsPattern(CHINESE);
        assertThat(problems(response)).allSatisfy(p -> assertThat(p.get("message").asText())
                .containsPattern(CHINESE)
                .doesNotContain("Finding.", "Draft", "$param", "insert(", "drools"));
    }

    private static void swapColumns(Sheet sheet, int left, int right) {
        for (Row row : sheet) {
            Object a = value(row.getCell(left));
            Object b = value(row.getCell(right));
            put(row, left, b);
            put(row, right, a);
        }
    }

    private static Object value(Cell cell) {
        if (cell == null) {
            return null;
        }
        return cell.getCellType() == CellType.NUMERIC ? (Object) cell.getNumericCellValue() : cell.getStringCellValue();
    }

    private static void put(Row row, int column, Object value) {
        Cell cell = row.getCell(column) != null ? row.getCell(column) : row.createCell(column);
        if (value == null) {
            cell.setBlank();
        } else if (value instanceof Double number) {
            cell.setCellValue(number);
        } else {
            cell.setCellValue((String) value);
        }
    }

    private ResponseEntity<JsonNode> upload(byte[] workbook, String language) {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("file", new ByteArrayResource(workbook) {
            @Override
            public String getFilename() {
                return Workbooks.RESOURCE_ALLOCATION;
            }
        });
        return ApiClients.admin(port).post().uri("/api/v1/rule-sets/balanced-development/versions")
                .header(HttpHeaders.ACCEPT_LANGUAGE, language)
                .contentType(MediaType.MULTIPART_FORM_DATA).body(parts)
                .exchange((request, answer) -> ResponseEntity.status(answer.getStatusCode()).body(answer.bodyTo(JsonNode.class)));
    }

    private static JsonNode single(ResponseEntity<JsonNode> response) {
        List<JsonNode> problems = problems(response);
        assertThat(problems).hasSize(1);
        return problems.get(0);
    }

    private static List<JsonNode> problems(ResponseEntity<JsonNode> response) {
        assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(422);
        List<JsonNode> problems = new ArrayList<>();
        response.getBody().get("problems").forEach(problems::add);
        return problems;
    }
}
