package cn.supervision.compliance.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
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

import cn.supervision.compliance.report.TemplateRoundTripTests;
import cn.supervision.compliance.ruleset.Workbooks;
import cn.supervision.compliance.system.Role;

/**
 * A filled data-entry template goes through the same archive screen as a rule workbook before POI reads it: a hostile
 * one is a 422 problem naming the uploaded file, and no evaluation is stored for its county. Each is built here from
 * the template the service hands out, filled with the sample county as a clerk would; none is committed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:http-tests;DB_CLOSE_DELAY=-1")
class HostileTemplateUploadTests {

    private static final String FILE = "county.xlsx";

    @LocalServerPort
    int port;

    @Autowired
    ObjectMapper mapper;

    static Stream<Arguments> hostileTemplates() {
        return Stream.of(
                hostile("a zip entry climbing out of the folder (zip slip)", "HOSTILE-T1",
                        parts -> parts.put("../../../../tmp/zipslip.txt", bytes("slip")), "“../../../../tmp/zipslip.txt”"),
                hostile("a VBA project under another part name", "HOSTILE-T2", parts -> {
                    parts.put("xl/media/image1.png", bytes("VBA"));
                    String types = new String(parts.get("[Content_Types].xml"), StandardCharsets.UTF_8);
                    parts.put("[Content_Types].xml", bytes(types.replace("</Types>",
                            "<Override PartName=\"/xl/media/image1.png\" ContentType=\"application/vnd.ms-office.vbaProject\"/></Types>")));
                }, "含有宏（VBA）"),
                hostile("a macro project named vbaProject.bin", "HOSTILE-T3",
                        parts -> parts.put("xl/vbaProject.bin", bytes("VBA")), "含有宏（VBA）"),
                hostile("a link to another workbook", "HOSTILE-T4",
                        parts -> parts.put("xl/externalLinks/externalLink1.xml", bytes(
                                "<externalLink xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"/>")),
                        "链接到其他工作簿（外部链接）"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileTemplates")
    void isRefusedAndNothingIsStored(Consumer<Map<String, byte[]>> change, String county, String message) throws IOException {
        ResponseEntity<JsonNode> response = upload(Workbooks.withParts(filled(county), change));

        assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(422);
        assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
        JsonNode problem = response.getBody().get("problems").get(0);
        assertThat(problem.get("file").asText()).isEqualTo(FILE);
        assertThat(problem.get("message").asText()).contains(message);
        assertThat(response.getBody().toString()).doesNotContain("Exception", "cn.supervision", "org.apache");
        assertThat(storedFor(county)).as("evaluations stored for county %s", county).isZero();
    }

    @Test
    void theSameFilledTemplateUnchangedIsEvaluated() throws IOException {
        ResponseEntity<JsonNode> response = upload(Workbooks.withParts(filled("HOSTILE-T0"), parts -> { }));

        assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(201);
        assertThat(storedFor("HOSTILE-T0")).isEqualTo(1);
    }

    private long storedFor(String county) {
        return ApiClients.as(port, Role.AUDITOR).get()
                .uri("/api/v1/evaluations?countyCode={county}", county).retrieve().body(JsonNode.class).get("total").asLong();
    }

    /** The downloaded template filled with the sample county under the given county code. */
    private byte[] filled(String county) throws IOException {
        RestClient http = ApiClients.admin(port);
        byte[] template = http.get().uri("/api/v1/rule-sets/balanced-development/template").retrieve().body(byte[].class);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template));
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            TemplateRoundTripTests.fill(workbook, ApiClients.sample(mapper, county).get("subject"));
            workbook.write(out);
            return out.toByteArray();
        }
    }

    private ResponseEntity<JsonNode> upload(byte[] workbook) {
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("file", new ByteArrayResource(workbook) {
            @Override
            public String getFilename() {
                return FILE;
            }
        });
        form.add("ruleSet", "balanced-development");
        return ApiClients.admin(port).post().uri("/api/v1/evaluations").contentType(MediaType.MULTIPART_FORM_DATA)
                .body(form).retrieve().toEntity(JsonNode.class);
    }

    private static Arguments hostile(String name, String county, Consumer<Map<String, byte[]>> change, String message) {
        return Arguments.of(Named.of(name, change), county, message);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
