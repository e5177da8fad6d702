package cn.supervision.compliance.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.STCellType;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

import com.fasterxml.jackson.databind.JsonNode;

import cn.supervision.compliance.ruleset.ApprovedTemplate;
import cn.supervision.compliance.ruleset.RowCatalogue;
import cn.supervision.compliance.ruleset.RuleSets;
import cn.supervision.compliance.ruleset.ShippedRuleSets;

/**
 * Whatever a hostile editor types into a text cell, and however the file carries it (shared string, inline string,
 * rich-text runs, a formula's cached string, text too long), the upload is refused or accepted with the text kept
 * exactly as typed; activated and evaluated, none of it runs: no canary file, no static field poked, no exit.
 * Every text column of every shipped workbook gets the payloads, several in each column.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:cell-text-fuzz;DB_CLOSE_DELAY=-1")
class CellTextFuzzTests {

    /** Set by a payload that manages to run. */
    public static final AtomicBoolean POKED = new AtomicBoolean();
    private static final Path CANARY = Path.of(System.getProperty("java.io.tmpdir"), "cell-text-canary");
    private static final String POKE = CellTextFuzzTests.class.getName() + ".POKED.set(true)";
    private static final String CREATE = "java.nio.file.Files.createFile(java.nio.file.Path.of(\"" + CANARY.toString().replace("\\", "/") + "\"))";

    private static final List<String> PAYLOADS = List.of(
            "\"); " + CREATE + "; //",
            "\" + " + POKE + " + \"",
            "\\\"); System.exit(0); //",
            "\\u0022); System.exit(0); //",
            "*/ System.exit(0); /*",
            "end\nrule \"x\" when then " + POKE + "; end",
            "$param", "@{" + POKE + "}", "${" + POKE + "}", "#{x}",
            "'单引号' \"双引号\" “弯引号” ‘’",
            "反斜杠 \\ 结尾\\",
            "第一行\r\n第二行\n\t制表",
            "// 注释", "then", "end", ");",
            "  前后有空格  ",
            "县教育局、县财政局；县人社局");

    private static final List<String[]> WORKBOOKS = List.of(
            new String[]{"balanced-development", "resource-allocation.xlsx", "samples/county-430503.json"},
            new String[]{"balanced-development", "county-assessment.xlsx", "samples/county-assessment-430503.json"},
            new String[]{"curriculum", "curriculum.xlsx", "samples/school-curriculum.json"},
            new String[]{"district-targets", "district-targets.xlsx", "samples/district-daxing.json"});

    private enum Carrier { SHARED_STRING, INLINE_STRING, RICH_TEXT_RUNS }

    @LocalServerPort
    int port;

    @Autowired
    RuleSets ruleSets;

    static Stream<Arguments> workbooksAndCarriers() {
        return WORKBOOKS.stream().flatMap(w -> Stream.of(Carrier.values()).map(c -> Arguments.of(w[0], w[1], w[2], c)));
    }

    @ParameterizedTest(name = "{1} as {3}")
    @MethodSource("workbooksAndCarriers")
    void textInEveryTextColumnIsKeptAsTypedAndNeverRuns(String ruleSet, String file, String sample, Carrier carrier)
            throws IOException {
        Map<Cell, String> typed = new LinkedHashMap<>();
        Map<String, String> expected = new LinkedHashMap<>();
        byte[] hostile = edited(ruleSet, file, (cell, text) -> {
            write(cell, text, carrier);
            expected.put(cell.getSheet().getSheetName() + "!" + (cell.getRowIndex() + 1) + "!" + label(cell), text);
            typed.put(cell, text);
        });
        assertThat(typed).as("text cells written").hasSizeGreaterThan(PAYLOADS.size());

        int before = active(ruleSet);
        ResponseEntity<JsonNode> upload = upload(ruleSet, file, hostile);
        assertThat(upload.getStatusCode().value()).as("%s", upload.getBody()).isEqualTo(201);
        int version = upload.getBody().get("sequence").asInt();
        try {
            activate(ruleSet, version);
            RowCatalogue texts = ruleSets.active(ruleSet).texts();
            expected.forEach((where, text) -> {
                String[] at = where.split("!", 3);
                assertThat(texts.text(file, at[0], Integer.parseInt(at[1]), at[2])).as(where).contains(text);
            });
            ResponseEntity<JsonNode> evaluation = http().post().uri("/api/v1/evaluations")
                    .contentType(MediaType.APPLICATION_JSON).body(Files.readString(Path.of(sample)))
                    .retrieve().toEntity(JsonNode.class);
            assertThat(evaluation.getStatusCode().value()).as("%s", evaluation.getBody()).isEqualTo(201);
            assertThat(CANARY).doesNotExist();
            assertThat(POKED).isFalse();
        } finally {
            activate(ruleSet, before);
        }
    }

    @Test
    void aFormulasCachedStringAndAnOverlongTextAreRefusedByCellAndNothingIsStored() throws IOException {
        int before = versions("balanced-development");
        byte[] formula = edited("balanced-development", "resource-allocation.xlsx", (cell, text) -> {
            if (cell.getSheet().getSheetName().equals("整改措施") && cell.getRowIndex() == 9 && cell.getColumnIndex() == 1) {
                cell.setCellFormula("\"" + "\"\"); System.exit(0); //" + "\"");
                ((XSSFCell) cell).getCTCell().setV("\"); System.exit(0); //");
            }
        });
        JsonNode refused = upload("balanced-development", "resource-allocation.xlsx", formula).getBody();
        assertThat(refused.get("status").asInt()).isEqualTo(422);
        assertThat(refused.toString()).contains("整改措施").contains("B10").contains("是公式");

        byte[] overlong = edited("balanced-development", "resource-allocation.xlsx", (cell, text) -> {
            if (cell.getSheet().getSheetName().equals("整改措施") && cell.getRowIndex() == 9 && cell.getColumnIndex() == 1) {
                cell.setCellValue("很长".repeat(2100));
            }
        });
        JsonNode tooLong = upload("balanced-development", "resource-allocation.xlsx", overlong).getBody();
        assertThat(tooLong.get("status").asInt()).isEqualTo(422);
        assertThat(tooLong.toString()).contains("整改措施").contains("B10").contains("4096");
        assertThat(versions("balanced-development")).isEqualTo(before);
    }

    @AfterAll
    static void nothingRan() throws IOException {
        assertThat(CANARY).doesNotExist();
        assertThat(POKED).isFalse();
        Files.deleteIfExists(CANARY);
    }

    private interface TextCellEditor {
        void edit(Cell cell, String payload);
    }

    /** The shipped workbook with the value cells of every text column handed to {@code editor}, payloads in turn. */
    private static byte[] edited(String ruleSet, String file, TextCellEditor editor) throws IOException {
        ApprovedTemplate template = ShippedRuleSets.templates().of(ruleSet, file).orElseThrow();
        byte[] shipped = Files.readAllBytes(ShippedRuleSets.DECISION_TABLES.resolve(ruleSet).resolve(file));
        int next = 0;
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(shipped))) {
            for (ApprovedTemplate.SheetTemplate sheetTemplate : template.sheets()) {
                Sheet sheet = book.getSheet(sheetTemplate.name());
                for (ApprovedTemplate.TableTemplate table : sheetTemplate.tables()) {
                    int first = titleRow(sheet, table.name()) + 1 + table.rows().size();
                    for (int r = first; sheet.getRow(r) != null && !blank(sheet.getRow(r)); r++) {
                        for (int c = 0; c < table.types().size(); c++) {
                            if (table.types().get(c).equals("text")) {
                                Cell cell = sheet.getRow(r).getCell(c, Row.MissingCellPolicy.CREATE_NULL_AS_BLANK);
                                editor.edit(cell, PAYLOADS.get(next++ % PAYLOADS.size()));
                            }
                        }
                    }
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            book.write(out);
            return out.toByteArray();
        }
    }

    private static void write(Cell cell, String text, Carrier carrier) {
        switch (carrier) {
            case SHARED_STRING -> cell.setCellValue(text);
            case INLINE_STRING -> {
                cell.setBlank();
                XSSFCell xssf = (XSSFCell) cell;
                xssf.getCTCell().setT(STCellType.INLINE_STR);
                xssf.getCTCell().addNewIs().setT(text);
            }
            case RICH_TEXT_RUNS -> {
                XSSFRichTextString rich = new XSSFRichTextString(text);
                if (text.length() > 2) {
                    XSSFFont bold = (XSSFFont) cell.getSheet().getWorkbook().createFont();
                    bold.setBold(true);
                    rich.applyFont(1, text.length() / 2, bold);
                }
                cell.setCellValue(rich);
            }
        }
    }

    private static String label(Cell cell) {
        Sheet sheet = cell.getSheet();
        for (int r = cell.getRowIndex() - 1; r >= 0; r--) {
            Row row = sheet.getRow(r);
            if (row != null && row.getCell(0) != null && row.getCell(0).toString().startsWith("RuleTable ")) {
                return sheet.getRow(r + 4).getCell(cell.getColumnIndex()).getStringCellValue();
            }
        }
        throw new IllegalStateException("no table above " + cell.getAddress());
    }

    private static int titleRow(Sheet sheet, String table) {
        for (Row row : sheet) {
            if (row.getCell(0) != null && row.getCell(0).toString().equals("RuleTable " + table)) {
                return row.getRowNum();
            }
        }
        throw new IllegalStateException("no rule table " + table + " in " + sheet.getSheetName());
    }

    private static boolean blank(Row row) {
        for (Cell cell : row) {
            if (!cell.toString().isBlank()) {
                return false;
            }
        }
        return true;
    }

    private RestClient http() {
        return ApiClients.admin(port);
    }

    private ResponseEntity<JsonNode> upload(String ruleSet, String file, byte[] workbook) {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("file", new ByteArrayResource(workbook) {
            @Override
            public String getFilename() {
                return file;
            }
        });
        return http().post().uri("/api/v1/rule-sets/" + ruleSet + "/versions")
                .contentType(MediaType.MULTIPART_FORM_DATA).body(parts)
                .exchange((request, response) -> ResponseEntity.status(response.getStatusCode())
                        .body(response.bodyTo(JsonNode.class)));
    }

    private void activate(String ruleSet, int version) {
        ResponseEntity<JsonNode> response = ApiClients.activate(ApiClients.reviewer(port), ruleSet, version, "核对无误");
        assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(200);
    }

    /** The sequence of the active version. */
    private int active(String ruleSet) {
        for (JsonNode summary : http().get().uri("/api/v1/rule-sets").retrieve().body(JsonNode.class)) {
            if (summary.get("name").asText().equals(ruleSet)) {
                return summary.get("active").get("sequence").asInt();
            }
        }
        throw new AssertionError("no rule set " + ruleSet);
    }

    private int versions(String ruleSet) {
        return http().get().uri("/api/v1/rule-sets/" + ruleSet + "/versions").retrieve().body(JsonNode.class).size();
    }

    static {
        try {
            Files.deleteIfExists(CANARY);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
