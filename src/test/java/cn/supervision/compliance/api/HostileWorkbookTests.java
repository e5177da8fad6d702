package cn.supervision.compliance.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.poi.ss.util.CellReference;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
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
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.supervision.compliance.ruleset.Workbooks;
import cn.supervision.compliance.system.Role;

/**
 * Hostile workbooks uploaded through the real endpoint are refused with a 422 problem naming the file and what is
 * wrong, and the active version goes on serving. Each is built here from the shipped workbook; none is committed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:http-tests;DB_CLOSE_DELAY=-1")
class HostileWorkbookTests {

    private static final String SET = "/api/v1/rule-sets/balanced-development";
    private static final String FILE = Workbooks.RESOURCE_ALLOCATION;
    private static final String STANDARDS_SHEET_PART = "xl/worksheets/sheet4.xml";

    @LocalServerPort
    int port;

    @Autowired
    ObjectMapper mapper;

    static Stream<Arguments> hostileWorkbooks() {
        return Stream.of(
                hostile("a zip bomb: one part inflating to 200 MB of zeros",
                        withPart("xl/media/image1.png", out -> repeat(out, new byte[1024 * 1024], 200)),
                        null, null, "像是压缩炸弹"),
                hostile("a sheet of a million rows", withPart(STANDARDS_SHEET_PART, out -> {
                    byte[] head = "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
                            .getBytes(StandardCharsets.UTF_8);
                    out.write(head);
                    for (int r = 1; r <= 1_000_000; r++) {
                        out.write(("<row r=\"" + r + "\"/>").getBytes(StandardCharsets.US_ASCII));
                    }
                    out.write("</sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
                }), "资源配置标准", null, "超过 10000 行"),
                hostile("links to another workbook", withPart("xl/externalLinks/externalLink1.xml",
                        text("<externalLink xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"/>")),
                        null, null, "链接到其他工作簿（外部链接）"),
                hostile("a macro project in a file named .xlsx", withPart("xl/vbaProject.bin", text("VBA")),
                        null, null, "含有宏（VBA）"),
                hostile("an embedded OLE object", withPart("xl/embeddings/oleObject1.bin", text("OLE")),
                        null, null, "含有嵌入对象（OLE、ActiveX）"),
                hostile("a huge shared-strings table", withPart("xl/sharedStrings.xml", out -> {
                    out.write("<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                            .getBytes(StandardCharsets.UTF_8));
                    for (int i = 0; i < 200_000; i++) {
                        out.write(("<si><t>" + i + "</t></si>").getBytes(StandardCharsets.US_ASCII));
                    }
                    out.write("</sst>".getBytes(StandardCharsets.UTF_8));
                }), null, null, "含有超过 100000 个不同的文字（共享字符串）"),
                hostile("thousands of parts", manyParts(), null, null, "个部件，超过工作簿允许的 500 个"),
                hostile("a formula in a value cell", Workbooks.edited(Workbooks.shipped(), book -> {
                    CellReference cell = new CellReference("E14");
                    book.getSheet("资源配置标准").getRow(cell.getRow()).getCell(cell.getCol()).setCellFormula("1+1");
                }), "资源配置标准", "E14", "“=1+1”是公式"),
                hostile("a VBA project under another part name, declared by an Override content type", Workbooks.withParts(Workbooks.shipped(), parts -> {
                    parts.put("xl/media/image1.png", bytes("VBA"));
                    declare(parts, "<Override PartName=\"/xl/media/image1.png\" ContentType=\"application/vnd.ms-office.vbaProject\"/>");
                }), null, null, "含有宏（VBA）"),
                hostile("a VBA project declared by a Default content type for its extension", Workbooks.withParts(Workbooks.shipped(), parts -> {
                    parts.put("xl/printerSettings/settings1.dat", bytes("VBA"));
                    declare(parts, "<Default Extension=\"dat\" ContentType=\"application/vnd.ms-office.vbaProject\"/>");
                }), null, null, "含有宏（VBA）"),
                hostile("a VBA project under another part name, linked by a relationship", Workbooks.withParts(Workbooks.shipped(), parts -> {
                    parts.put("xl/custom/data.bin", bytes("VBA"));
                    relate(parts, "<Relationship Id=\"rId99\" Target=\"custom/data.bin\""
                            + " Type=\"http://schemas.microsoft.com/office/2006/relationships/vbaProject\"/>");
                }), null, null, "含有宏（VBA）"),
                hostile("an Excel 4.0 macro sheet", Workbooks.withParts(Workbooks.shipped(), parts -> {
                    parts.put("xl/custom/sheet9.xml", bytes("<xm:macrosheet xmlns:xm=\"http://schemas.microsoft.com/office/excel/2006/main\"/>"));
                    declare(parts, "<Override PartName=\"/xl/custom/sheet9.xml\" ContentType=\"application/vnd.ms-excel.macrosheet+xml\"/>");
                    relate(parts, "<Relationship Id=\"rId98\" Target=\"custom/sheet9.xml\""
                            + " Type=\"http://schemas.microsoft.com/office/2006/relationships/xlMacrosheet\"/>");
                }), null, null, "含有宏（Excel 4.0 宏表）"),
                hostile("a zip entry climbing out of the folder (zip slip)",
                        withPart("../../../../tmp/zipslip.txt", text("slip")), null, null, "“../../../../tmp/zipslip.txt”"),
                hostile("a zip entry with an absolute path", withPart("/tmp/absolute.txt", text("abs")),
                        null, null, "“/tmp/absolute.txt”"),
                hostile("a zip entry with backslashes", withPart("xl\\media\\back.png", text("back")),
                        null, null, "“xl\\media\\back.png”"),
                hostile("a zip entry with a drive letter", withPart("C:/Windows/drive.txt", text("drive")),
                        null, null, "“C:/Windows/drive.txt”"),
                hostile("a zip entry with a control character", withPart("xl/media/a\u0001b.png", text("ctl")),
                        null, null, "“xl/media/a\\u0001b.png”"),
                hostile("a formula in the test-case sheet", Workbooks.edited(Workbooks.shipped(), book ->
                        book.getSheet("测试用例").getRow(4).getCell(6).setCellFormula("1000")), "测试用例", "G5", "“=1000”是公式"),
                hostile("a number of 1e308 in a test case", Workbooks.withCell(Workbooks.shipped(), "测试用例", "G5", 1e308),
                        "测试用例", "G5", "超出范围"),
                hostile("a number of 1e308 in a number column", Workbooks.withCell(Workbooks.shipped(), "参数", "C18", 1e308),
                        "参数", "C18", "超出范围"),
                hostile("a number of 1e308 in a whole-number column", Workbooks.withCell(Workbooks.shipped(), "参数", "B10", 1e308),
                        "参数", "B10", "超出范围"),
                hostile("a requirement of ≥1e308", Workbooks.withCell(Workbooks.shipped(), "资源配置标准", "E14", "≥1e308"),
                        "资源配置标准", "E14", "超出范围"),
                hostile("NaN in a number cell", numberCell("xl/worksheets/sheet3.xml", "C18", "NaN"),
                        "参数", "C18", "“NaN”不是有效的数字"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileWorkbooks")
    void isRefusedAndTheActiveVersionKeepsServing(byte[] workbook, String sheet, String cell, String message) {
        RestClient http = ApiClients.as(port, Role.POLICY_EDITOR);
        String before = activeHash(http);
        JsonNode versionsBefore = versions(http);

        ResponseEntity<JsonNode> response = http.post().uri(SET + "/versions").contentType(MediaType.MULTIPART_FORM_DATA)
                .body(upload(workbook)).retrieve().toEntity(JsonNode.class);

        assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(422);
        assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
        JsonNode problem = response.getBody().get("problems").get(0);
        assertThat(problem.get("file").asText()).isEqualTo(FILE);
        assertThat(problem.get("sheet").isNull() ? null : problem.get("sheet").asText()).isEqualTo(sheet);
        assertThat(problem.get("cell").isNull() ? null : problem.get("cell").asText()).isEqualTo(cell);
        assertThat(problem.get("message").asText()).contains(message);
        assertThat(response.getBody().toString()).doesNotContain("Exception", "cn.supervision", "org.apache");

        assertThat(activeHash(http)).isEqualTo(before);
        assertThat(versions(http)).as("the version history after a refused upload").isEqualTo(versionsBefore);
        JsonNode result = ApiClients.evaluate(ApiClients.integratorKey(port), ApiClients.sample(mapper, "HOSTILE"));
        assertThat(result.get("ruleSetVersion").asText()).isEqualTo(before);
    }

    private static String activeHash(RestClient http) {
        for (JsonNode ruleSet : http.get().uri("/api/v1/rule-sets").retrieve().body(JsonNode.class)) {
            if (ruleSet.get("name").asText().equals("balanced-development")) {
                return ruleSet.get("active").get("hash").asText();
            }
        }
        throw new AssertionError("no balanced-development rule set");
    }

    private static JsonNode versions(RestClient http) {
        return http.get().uri(SET + "/versions").retrieve().body(JsonNode.class);
    }

    private static MultiValueMap<String, Object> upload(byte[] workbook) {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("file", new ByteArrayResource(workbook) {
            @Override
            public String getFilename() {
                return FILE;
            }
        });
        return parts;
    }

    private static Arguments hostile(String name, byte[] workbook, String sheet, String cell, String message) {
        return Arguments.of(Named.of(name, workbook), sheet, cell, message);
    }

    private interface PartWriter {
        void write(OutputStream out) throws IOException;
    }

    private static PartWriter text(String content) {
        return out -> out.write(content.getBytes(StandardCharsets.UTF_8));
    }

    private static void repeat(OutputStream out, byte[] block, int times) throws IOException {
        for (int i = 0; i < times; i++) {
            out.write(block);
        }
    }

    /** The shipped workbook with one part added or replaced, written as Excel would (deflated). */
    private static byte[] withPart(String name, PartWriter content) {
        return rezipped(zip -> {
            try {
                zip.putNextEntry(new ZipEntry(name));
                content.write(zip);
                zip.closeEntry();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, name);
    }

    private static byte[] manyParts() {
        return rezipped(zip -> {
            try {
                for (int i = 0; i < 2000; i++) {
                    zip.putNextEntry(new ZipEntry("xl/media/part" + i + ".bin"));
                    zip.closeEntry();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, null);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Adds a Default or Override element to [Content_Types].xml. */
    private static void declare(Map<String, byte[]> parts, String element) {
        String types = new String(parts.get("[Content_Types].xml"), StandardCharsets.UTF_8);
        parts.put("[Content_Types].xml", bytes(types.replace("</Types>", element + "</Types>")));
    }

    /** Adds a relationship to the workbook part's relationships. */
    private static void relate(Map<String, byte[]> parts, String relationship) {
        String rels = new String(parts.get("xl/_rels/workbook.xml.rels"), StandardCharsets.UTF_8);
        parts.put("xl/_rels/workbook.xml.rels", bytes(rels.replace("</Relationships>", relationship + "</Relationships>")));
    }

    /** The shipped workbook with the stored value of one numeric cell of a sheet part written as the given text. */
    private static byte[] numberCell(String sheetPart, String cell, String value) {
        return Workbooks.withParts(Workbooks.shipped(), parts -> {
            String xml = new String(parts.get(sheetPart), StandardCharsets.UTF_8);
            Matcher found = Pattern.compile("(<c r=\"" + cell + "\"[^>]*t=\"n\"[^>]*><v>)[^<]*(</v>)").matcher(xml);
            if (!found.find()) {
                throw new AssertionError("no number cell " + cell + " in " + sheetPart);
            }
            parts.put(sheetPart, bytes(found.replaceFirst("$1" + value + "$2")));
        });
    }

    private static byte[] rezipped(Consumer<ZipOutputStream> addition, String replaced) {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(Workbooks.shipped()));
             ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
            try (ZipOutputStream out = new ZipOutputStream(bytes)) {
                for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                    if (!entry.getName().equals(replaced)) {
                        out.putNextEntry(new ZipEntry(entry.getName()));
                        in.transferTo(out);
                        out.closeEntry();
                    }
                }
                addition.accept(out);
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
