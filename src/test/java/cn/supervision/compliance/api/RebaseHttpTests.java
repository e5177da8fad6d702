package cn.supervision.compliance.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.poi.ss.usermodel.DataFormatter;
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
import org.springframework.web.client.RestClient;

import com.fasterxml.jackson.databind.JsonNode;

import cn.supervision.compliance.ruleset.BaseVersion;
import cn.supervision.compliance.ruleset.Workbooks;
import cn.supervision.compliance.system.Role;

/**
 * Issue 22, point 4, over real HTTP on H2: two editors working from one download. Disjoint rows: the second upload is
 * carried over onto the version the first one's approval made active, keeping both edits; the same row: 409 naming
 * it; approving a version stored on a version no longer active: 409; the version a workbook came from survives a
 * LibreOffice save; a download uploaded unchanged: no change.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:rebase;DB_CLOSE_DELAY=-1")
class RebaseHttpTests {

    static final String SET = "balanced-development";
    static final String SHEET = "整改措施";
    static final Path SOFFICE = Path.of("/usr/bin/soffice");

    @LocalServerPort
    int port;

    RestClient editor() {
        return ApiClients.as(port, Role.POLICY_EDITOR);
    }

    RestClient reviewer() {
        return ApiClients.reviewer(port);
    }

    @Test
    void twoEditorsFromOneDownloadDisjointRowsAreRebasedKeepingBoth() throws IOException {
        byte[] download = download(editor());
        int downloaded = Integer.parseInt(property(download).split("#")[1]);

        JsonNode first = created(upload(editor(), Workbooks.withCell(download, SHEET, "D10", "人事股"), "R1 股室"));
        approve(reviewer(), first);

        ResponseEntity<JsonNode> second = upload(reviewer(), Workbooks.withCell(download, SHEET, "D15", "装备股"),
                "R6 股室");
        JsonNode rebased = created(second);
        assertThat(first.get("base").asInt()).isEqualTo(downloaded);
        assertThat(rebased.get("base").asInt()).as("stored on the version now active").isEqualTo(first.get("sequence").asInt());
        assertThat(rebased.get("changes").findValuesAsText("cell")).containsExactly("D15");

        byte[] stored = editor().get().uri("/api/v1/rule-sets/" + SET + "/versions/" + rebased.get("sequence").asInt()
                + "/workbooks/" + Workbooks.RESOURCE_ALLOCATION).retrieve().body(byte[].class);
        assertThat(cell(stored, "D10")).as("the first editor's row kept").isEqualTo("人事股");
        assertThat(cell(stored, "D15")).isEqualTo("装备股");
        assertThat(property(stored)).isEqualTo(SET + "#" + rebased.get("sequence").asInt());
        approve(editor(), rebased);
    }

    @Test
    void twoEditorsChangingTheSameRowTheSecondIs409NamingTheRow() {
        byte[] download = download(editor());
        approve(reviewer(), created(upload(editor(), Workbooks.withCell(download, SHEET, "C11", "区教育局、区财政局"),
                "R2 部门")));

        ResponseEntity<JsonNode> same = upload(reviewer(), Workbooks.withCell(download, SHEET, "C11", "区人社局"), "R2 部门");
        assertThat(same.getStatusCode().value()).as("%s", same.getBody()).isEqualTo(409);
        assertThat(same.getBody().get("rows").toString()).contains("整改措施!11");
        assertThat(same.getBody().get("detail").asText()).contains("整改措施!11", "重新填写");
    }

    @Test
    void approvingAVersionStoredOnAVersionNoLongerActiveIs409() {
        byte[] download = download(editor());
        JsonNode x = created(upload(editor(), Workbooks.withCell(download, SHEET, "D12", "体卫艺股"), "R3 股室"));
        JsonNode y = created(upload(reviewer(), Workbooks.withCell(download, SHEET, "D13", "计财股"), "R4 股室"));
        approve(reviewer(), x);

        ResponseEntity<JsonNode> stale = ApiClients.activate(editor(), SET, y.get("sequence").asInt(), "同意");
        assertThat(stale.getStatusCode().value()).as("%s", stale.getBody()).isEqualTo(409);
        assertThat(stale.getBody().get("detail").asText()).contains("第 " + x.get("sequence").asInt() + " 版", "重新上传");
    }

    @Test
    void thePropertySurvivesALibreOfficeSaveAndTheSavedWorkbookIsRebased(@TempDir Path scratch) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(SOFFICE) || System.getenv("CI") != null,
                "LibreOffice (/usr/bin/soffice) is not installed; .ci/run installs it in CI");
        byte[] download = download(editor());
        String downloaded = property(download);
        Path edited = Files.write(scratch.resolve("resource-allocation.xlsx"),
                Workbooks.withCell(download, SHEET, "D14", "规划股"));
        Path out = Files.createDirectories(scratch.resolve("saved"));
        Process soffice = new ProcessBuilder(SOFFICE.toString(), "-env:UserInstallation=file://" + scratch.resolve("profile"),
                "--headless", "--convert-to", "xlsx", "--outdir", out.toString(), edited.toString())
                .redirectErrorStream(true).redirectOutput(scratch.resolve("soffice.log").toFile()).start();
        assertThat(soffice.waitFor(180, TimeUnit.SECONDS)).as("soffice finished").isTrue();
        byte[] saved = Files.readAllBytes(out.resolve("resource-allocation.xlsx"));
        assertThat(property(saved)).as("the property after a LibreOffice save").isEqualTo(downloaded);

        approve(editor(), created(upload(reviewer(), Workbooks.withCell(download, SHEET, "C16", "区教育局、区数据局"),
                "R7 部门")));
        JsonNode rebased = created(upload(editor(), saved, "R5 股室，LibreOffice 保存"));
        assertThat(rebased.get("changes").findValuesAsText("cell")).containsExactly("D14");
        byte[] stored = editor().get().uri("/api/v1/rule-sets/" + SET + "/versions/" + rebased.get("sequence").asInt()
                + "/workbooks/" + Workbooks.RESOURCE_ALLOCATION).retrieve().body(byte[].class);
        assertThat(cell(stored, "C16")).as("the other editor's row kept").isEqualTo("区教育局、区数据局");
        approve(reviewer(), rebased);
    }

    @Test
    void aDownloadedWorkbookShowsNoCodeRowsAndUploadsUnchangedAsNoChange() throws IOException {
        byte[] download = download(editor());
        int hidden = 0;
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(download))) {
            for (org.apache.poi.ss.usermodel.Sheet sheet : book) {
                // code rows: RuleSet, Import, Variables; a table's RuleTable row, CONDITION/ACTION row and the two under it
                java.util.Set<Integer> code = new java.util.HashSet<>();
                for (org.apache.poi.ss.usermodel.Row row : sheet) {
                    String first = new DataFormatter().formatCellValue(row.getCell(0));
                    if (List.of("RuleSet", "Import", "Variables").contains(first)) {
                        code.add(row.getRowNum());
                    }
                    if (first.equals("CONDITION") || first.equals("ACTION")) {
                        code.addAll(List.of(row.getRowNum() - 1, row.getRowNum(), row.getRowNum() + 1, row.getRowNum() + 2));
                    }
                }
                for (org.apache.poi.ss.usermodel.Row row : sheet) {
                    assertThat(row.getZeroHeight()).as("%s!%d", sheet.getSheetName(), row.getRowNum() + 1)
                            .isEqualTo(code.contains(row.getRowNum()));
                }
                hidden += code.size();
            }
        }
        assertThat(hidden).isGreaterThan(20);
        ResponseEntity<JsonNode> same = upload(editor(), download, "原样上传");
        assertThat(same.getStatusCode().value()).as("%s", same.getBody()).isEqualTo(200);
        assertThat(same.getBody().get("active").asBoolean()).isTrue();
    }

    byte[] download(RestClient client) {
        return client.get().uri("/api/v1/rule-sets/" + SET + "/workbooks/" + Workbooks.RESOURCE_ALLOCATION).retrieve()
                .body(byte[].class);
    }

    static String property(byte[] workbook) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
            return book.getProperties().getCustomProperties().getProperty(BaseVersion.PROPERTY).getLpwstr();
        }
    }

    static String cell(byte[] workbook, String address) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
            org.apache.poi.ss.util.CellReference at = new org.apache.poi.ss.util.CellReference(address);
            return new DataFormatter().formatCellValue(book.getSheet(SHEET).getRow(at.getRow()).getCell(at.getCol()));
        }
    }

    static JsonNode created(ResponseEntity<JsonNode> upload) {
        assertThat(upload.getStatusCode().value()).as("%s", upload.getBody()).isEqualTo(201);
        return upload.getBody();
    }

    static void approve(RestClient client, JsonNode version) {
        ResponseEntity<JsonNode> approved = ApiClients.activate(client, SET, version.get("sequence").asInt(), "已核对");
        assertThat(approved.getStatusCode().value()).as("%s", approved.getBody()).isEqualTo(200);
    }

    static ResponseEntity<JsonNode> upload(RestClient client, byte[] workbook, String comment) {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("file", new ByteArrayResource(workbook) {
            @Override
            public String getFilename() {
                return "resource-allocation (1).xlsx";
            }
        });
        parts.add("comment", comment);
        return client.post().uri("/api/v1/rule-sets/" + SET + "/versions").contentType(MediaType.MULTIPART_FORM_DATA)
                .body(parts).retrieve().toEntity(JsonNode.class);
    }
}
