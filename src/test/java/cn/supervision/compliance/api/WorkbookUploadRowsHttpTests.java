package cn.supervision.compliance.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
 * Uploads over HTTP of copies of the shipped workbooks edited as a policy editor edits them: a workbook is known by its
 * sheets whatever the file is called; the version's changes follow rows (one inserted or moved row is one change); an
 * upload with the active version's values is answered with that version; a jurisdiction the tree does not define, a
 * blank jurisdiction and a blank row inside a table are refused at their cells in Chinese; a district added with its
 * own node, row and test case in Excel is checked by that test case at upload.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.datasource.url=jdbc:h2:mem:upload-rows-tests;DB_CLOSE_DELAY=-1",
                      "compliance.rules.watch.enabled=false"})
class WorkbookUploadRowsHttpTests {

    private static final String BALANCED = "balanced-development";
    private static final String TARGETS = "district-targets";
    private static final String TARGETS_FILE = "district-targets.xlsx";
    private static final String CHECKS = "检查项";
    private static final Path SOFFICE = Path.of("/usr/bin/soffice");

    @LocalServerPort
    int port;

    @TempDir
    Path scratch;

    private record Part(String name, byte[] content) {
    }

    private ResponseEntity<JsonNode> upload(String ruleSet, Part... files) {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        for (Part file : files) {
            parts.add("file", new ByteArrayResource(file.content()) {
                @Override
                public String getFilename() {
                    return file.name();
                }
            });
        }
        return ApiClients.admin(port).post().uri("/api/v1/rule-sets/" + ruleSet + "/versions")
                .contentType(MediaType.MULTIPART_FORM_DATA).body(parts)
                .exchange((request, answer) -> ResponseEntity.status(answer.getStatusCode()).body(answer.bodyTo(JsonNode.class)));
    }

    private JsonNode accepted(ResponseEntity<JsonNode> response) {
        assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(201);
        return response.getBody();
    }

    private static List<JsonNode> problems(ResponseEntity<JsonNode> response) {
        assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(422);
        List<JsonNode> problems = new ArrayList<>();
        response.getBody().get("problems").forEach(problems::add);
        return problems;
    }

    private static List<String> changes(JsonNode version) {
        List<String> changes = new ArrayList<>();
        version.get("changes").forEach(c -> changes.add(c.get("change").asText() + " " + c.get("file").asText() + " "
                + c.get("sheet").asText() + " " + (c.has("cell") ? c.get("cell").asText()
                : c.has("from") ? c.get("from").asInt() + "→" + c.get("to").asInt() : c.get("row").asText())));
        return changes;
    }

    private JsonNode active(String ruleSet) {
        return ApiClients.admin(port).get().uri("/api/v1/rule-sets/" + ruleSet + "/versions").retrieve()
                .body(JsonNode.class).findParents("active").stream().filter(v -> v.get("active").asBoolean())
                .findFirst().orElseThrow();
    }

    private int versions(String ruleSet) {
        return ApiClients.admin(port).get().uri("/api/v1/rule-sets/" + ruleSet + "/versions").retrieve()
                .body(JsonNode.class).size();
    }

    private static byte[] shipped(String ruleSet, String file) {
        try {
            return Files.readAllBytes(ShippedRuleSets.DECISION_TABLES.resolve(ruleSet).resolve(file));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static byte[] targets() {
        return shipped(TARGETS, TARGETS_FILE);
    }

    @Test
    void aWorkbookIsRecognisedByItsSheetsWhateverTheFileIsCalled() {
        JsonNode version = accepted(upload(BALANCED, new Part("resource-allocation (1).xlsx", Workbooks.r6Raised())));

        assertThat(version.get("files").toString()).contains("\"resource-allocation.xlsx\"").doesNotContain("(1)");
        assertThat(changes(version)).containsExactly("cell resource-allocation.xlsx 资源配置标准 E20",
                "cell resource-allocation.xlsx 测试用例 P5", "cell resource-allocation.xlsx 测试用例 P6");
    }

    @Test
    void anUnknownOrAmbiguousWorkbookIsRefusedNamingTheSheetsExpected() {
        int before = versions(BALANCED);
        JsonNode unknown = problems(upload(BALANCED, new Part("resource-allocation.xlsx", shipped("curriculum", "curriculum.xlsx")))).get(0);
        assertThat(unknown.get("file").asText()).isEqualTo("resource-allocation.xlsx");
        assertThat(unknown.get("message").asText()).startsWith("不是规则集 balanced-development 的工作簿")
                .contains("resource-allocation.xlsx 应含工作表 评估范围、管辖区域、参数、资源配置标准、差异系数、整改措施")
                .contains("county-assessment.xlsx 应含工作表 指标体系、A类指标标准");

        // the six sheets and eight rule tables of resource-allocation.xlsx (lane cycle: 整改期限 is the eighth), and as
        // many of county-assessment.xlsx
        byte[] both = Workbooks.edited(Workbooks.shipped(), book -> {
            String[][] county = {{"指标体系", "指标体系"}, {"A类指标标准", "A类指标标准"}, {"B类指标分值", "B类指标分值"},
                    {"评分与等级", "B类单项最低得分率", "等级"}, {"一票否决", "否决事项", "指标否决"}, {"评估整改措施", "评估整改措施"}};
            for (String[] sheet : county) {
                Sheet created = book.createSheet(sheet[0]);
                for (int t = 1; t < sheet.length; t++) {
                    created.createRow(t * 10).createCell(0).setCellValue("RuleTable " + sheet[t]);
                }
            }
        });
        assertThat(problems(upload(BALANCED, new Part("规则.xlsx", both))).get(0).get("message").asText())
                .startsWith("无法确定是哪一个工作簿").contains("resource-allocation.xlsx 应含工作表");

        assertThat(problems(upload(BALANCED, new Part("resource-allocation.xlsx", Workbooks.r6Raised()),
                new Part("副本.xlsx", Workbooks.r6Raised()))))
                .singleElement().satisfies(p -> {
                    assertThat(p.get("file").asText()).isEqualTo("副本.xlsx");
                    assertThat(p.get("message").asText()).isEqualTo("与“resource-allocation.xlsx”是同一个工作簿"
                            + "（resource-allocation.xlsx）；每个工作簿只上传一次");
                });
        assertThat(versions(BALANCED)).isEqualTo(before);
    }

    @Test
    void aRowInsertedInTheMiddleOfATableIsOneAddedRowAndASwappedPairOneMovedRow() {
        byte[] inserted = Workbooks.edited(targets(), book -> {
            Sheet sheet = book.getSheet(CHECKS);
            sheet.shiftRows(19, sheet.getLastRowNum(), 1);
            write(sheet.createRow(19), "district", "D07", "义务教育教师平均工资收入不低于当地公务员", "teacherAveragePay", "hunan",
                    "对照值", "≥100%", "元", null, null, "教师平均工资不低于当地公务员（湖南）", "湖南省实施意见（测试）");
        });
        JsonNode version = accepted(upload(TARGETS, new Part(TARGETS_FILE, inserted)));
        assertThat(changes(version)).containsExactly("row-added district-targets.xlsx 检查项 20");
        assertThat(version.get("changes").get(0).get("values").get(4).asText()).isEqualTo("hunan");

        byte[] swapped = Workbooks.edited(targets(), book -> swap(book.getSheet(CHECKS), 9, 10));
        assertThat(changes(accepted(upload(TARGETS, new Part(TARGETS_FILE, swapped)))))
                .singleElement().asString().startsWith("row-moved district-targets.xlsx 检查项 ");
    }

    @Test
    void aJurisdictionTheTreeDoesNotDefineOrABlankOneIsRefusedAtItsCell() {
        List<JsonNode> refused = problems(upload(TARGETS, new Part(TARGETS_FILE,
                Workbooks.edited(Workbooks.withCell(targets(), CHECKS, "E19", "hangzhou"),
                        book -> book.getSheet(CHECKS).getRow(17).removeCell(book.getSheet(CHECKS).getRow(17).getCell(4))))));

        assertThat(refused).extracting(p -> p.get("file").asText() + " " + p.get("sheet").asText() + "!" + p.get("cell").asText())
                .containsExactlyInAnyOrder("district-targets.xlsx 检查项!E18", "district-targets.xlsx 检查项!E19");
        assertThat(refused).extracting(p -> p.get("message").asText()).containsExactlyInAnyOrder(
                "未填写管辖区域：规则表“检查项”的每一行都要写明管辖区域",
                "“hangzhou”不是已定义的管辖区域代码（管辖区域）；已定义：beijing、daxiang、daxing、hunan、national、shaoyang、zhejiang。"
                        + "新的管辖区域先在工作表“管辖区域”中加一行");

        // county-assessment.xlsx names the jurisdictions that the tree of resource-allocation.xlsx defines
        byte[] county = Workbooks.withCell(shipped(BALANCED, "county-assessment.xlsx"), "A类指标标准", "I10", "xiangtan");
        assertThat(problems(upload(BALANCED, new Part("county-assessment.xlsx", county)))).singleElement().satisfies(p -> {
            assertThat(p.get("file").asText() + " " + p.get("sheet").asText() + "!" + p.get("cell").asText())
                    .isEqualTo("county-assessment.xlsx A类指标标准!I10");
            assertThat(p.get("message").asText()).startsWith("“xiangtan”不是已定义的管辖区域代码");
        });
    }

    @Test
    void aBlankRowInsideATableIsNamedAsABlankRow() {
        byte[] gap = Workbooks.edited(targets(), book -> {
            Sheet sheet = book.getSheet(CHECKS);
            sheet.shiftRows(14, sheet.getLastRowNum(), 1);
        });
        assertThat(problems(upload(TARGETS, new Part(TARGETS_FILE, gap)))).singleElement().satisfies(p -> {
            assertThat(p.get("sheet").asText() + "!" + p.get("cell").asText()).isEqualTo("检查项!A15");
            assertThat(p.get("message").asText()).startsWith("第15行是空行：规则表“检查项”的行之间不能留空行");
        });
    }

    @Test
    void anUploadWithTheActiveVersionsValuesIsAnsweredWithThatVersion() {
        int before = versions(TARGETS);
        byte[] savedAgain = Workbooks.edited(targets(), book -> book.setActiveSheet(1));
        assertThat(savedAgain).isNotEqualTo(targets());

        ResponseEntity<JsonNode> response = upload(TARGETS, new Part("district-targets (2).xlsx", savedAgain));

        assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(200);
        assertThat(response.getBody().get("sequence").asInt()).isEqualTo(active(TARGETS).get("sequence").asInt());
        assertThat(versions(TARGETS)).isEqualTo(before);
    }

    @Test
    void aWorkbookSavedAgainByLibreOfficeWithNoChangeIsAnsweredWithTheActiveVersion() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(SOFFICE) || System.getenv("CI") != null,
                "LibreOffice (/usr/bin/soffice) is not installed; .ci/run installs it in CI");
        Path original = Files.write(scratch.resolve("resource-allocation.xlsx"), Workbooks.shipped());
        Path out = Files.createDirectories(scratch.resolve("saved"));
        Process soffice = new ProcessBuilder(SOFFICE.toString(), "-env:UserInstallation=file://" + scratch.resolve("profile"),
                "--headless", "--convert-to", "xlsx", "--outdir", out.toString(), original.toString())
                .redirectErrorStream(true).redirectOutput(scratch.resolve("soffice.log").toFile()).start();
        assertThat(soffice.waitFor(180, TimeUnit.SECONDS)).as("soffice finished").isTrue();
        byte[] saved = Files.readAllBytes(out.resolve("resource-allocation.xlsx"));
        assertThat(saved).isNotEqualTo(Workbooks.shipped());
        int before = versions(BALANCED);

        ResponseEntity<JsonNode> response = upload(BALANCED, new Part("resource-allocation (1).xlsx", saved));

        assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(200);
        assertThat(response.getBody().get("sequence").asInt()).isEqualTo(active(BALANCED).get("sequence").asInt());
        assertThat(versions(BALANCED)).isEqualTo(before);
    }

    @Test
    void aDistrictAddedWithItsNodeRowAndTestCaseInExcelIsCheckedByThatCaseAtUpload() {
        String name = "西湖区教师工资高于公务员但不足105%";
        JsonNode version = accepted(upload(TARGETS, new Part(TARGETS_FILE, withXihu(name, "未达标"))));

        assertThat(version.get("testResults")).anySatisfy(result -> {
            assertThat(result.get("name").asText()).isEqualTo(name);
            assertThat(result.get("passed").asBoolean()).isTrue();
        });
        assertThat(changes(version)).contains("row-added district-targets.xlsx 管辖区域 17",
                "row-added district-targets.xlsx 管辖区域 18", "row-added district-targets.xlsx 检查项 66");

        // the same case expecting 达标 shows that the case really ran on the new node and its row
        assertThat(problems(upload(TARGETS, new Part(TARGETS_FILE, withXihu(name, "达标"))))).singleElement().satisfies(p -> {
            assertThat(p.get("sheet").asText()).isEqualTo("测试用例");
            assertThat(p.get("message").asText()).contains(name).contains("D07");
        });
    }

    /** hangzhou and xihu under zhejiang, xihu's own D07 (≥105 %), and a test case of a xihu district. */
    private static byte[] withXihu(String testCase, String expected) {
        return Workbooks.edited(targets(), book -> {
            append(book, "管辖区域", "hangzhou", "zhejiang", "浙江省杭州市", "3301", "city");
            append(book, "管辖区域", "xihu", "hangzhou", "浙江省杭州市西湖区", "330106", "district");
            append(book, CHECKS, "district", "D07", "义务教育教师平均工资收入高于当地公务员", "teacherAveragePay", "xihu", "对照值",
                    "≥105%", "元", null, null, "教师平均工资不低于当地公务员的105%", "西湖区实施方案（测试）");
            Object[][] rows = {{"districtCode", "T9", null, null}, {"districtName", "西湖区", null, null},
                    {"year", 2026, null, null}, {"civilServantAveragePay", 165000, null, null},
                    {"teacherAveragePay", 170000, "D07", expected}};
            for (Object[] row : rows) {
                Row created = book.getSheet("测试用例").createRow(book.getSheet("测试用例").getLastRowNum() + 1);
                created.createCell(0).setCellValue(testCase);
                created.createCell(1).setCellValue("xihu");
                for (int i = 0; i < row.length; i++) {
                    if (row[i] instanceof Number number) {
                        created.createCell(i + 2).setCellValue(number.doubleValue());
                    } else if (row[i] != null) {
                        created.createCell(i + 2).setCellValue(row[i].toString());
                    }
                }
            }
        });
    }

    /** Exchanges the values of two rows, as cutting one and inserting it under the other does. */
    private static void swap(Sheet sheet, int a, int b) {
        DataFormatter text = new DataFormatter();
        for (int c = 0; c < 12; c++) {
            String x = text.formatCellValue(sheet.getRow(a).getCell(c));
            String y = text.formatCellValue(sheet.getRow(b).getCell(c));
            sheet.getRow(a).createCell(c).setCellValue(y);
            sheet.getRow(b).createCell(c).setCellValue(x);
        }
    }

    private static void append(XSSFWorkbook book, String sheet, String... values) {
        write(book.getSheet(sheet).createRow(book.getSheet(sheet).getLastRowNum() + 1), values);
    }

    private static void write(Row row, String... values) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null) {
                row.createCell(i).setCellValue(values[i]);
            }
        }
    }
}
