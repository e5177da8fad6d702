package cn.supervision.compliance.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.supervision.compliance.system.Role;

/**
 * Issue 12, tried as a hostile tester would over real HTTP (a plain socket where ordinary clients would not send the
 * request): no body beyond its limit whatever the transfer encoding, no figure changed on the way in, and every error
 * an RFC 9457 problem body in JSON, never a 500 or Tomcat's HTML page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:hostile-tests;DB_CLOSE_DELAY=-1")
class HostileRequestTests {

    private static final String PROBLEM = "application/problem+json";
    private static final long OVER_LIMIT = 20L * 1024 * 1024;

    @LocalServerPort
    int port;

    @Autowired
    ObjectMapper mapper;

    private String sample(String countyCode) throws IOException {
        return Files.readString(ApiClients.SAMPLE).replace("\"countyCode\": \"430503\"", "\"countyCode\": \"" + countyCode + "\"");
    }

    private long stored(String countyCode) {
        return ApiClients.as(port, Role.AUDITOR).get().uri("/api/v1/evaluations?countyCode=" + countyCode)
                .retrieve().body(JsonNode.class).get("total").asLong();
    }

    private JsonNode problem(RawHttp.Response response, int status) throws IOException {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith(PROBLEM);
        JsonNode problem = mapper.readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(response.body()).doesNotContain("Exception", "org.", "java.");
        return problem;
    }

    @Test
    void aChunkedBodyIsHeldToTheLimitByTheBytesReadAndNothingIsStored() throws IOException {
        // a complete request followed by 20 MB of white space: the body is read to its end (trailing tokens are
        // refused), so the limit trips before anything is evaluated or stored
        RawHttp.Response response = RawHttp.postChunked(port, "/api/v1/evaluations",
                sample("CHUNKED").getBytes(StandardCharsets.UTF_8), OVER_LIMIT, (byte) ' ', new byte[0],
                "X-API-Key: " + ApiClients.INTEGRATOR_API_KEY, "Content-Type: application/json");
        assertThat(problem(response, 413).get("title").asText()).isEqualTo("请求过大");
        assertThat(stored("CHUNKED")).isZero();

        RawHttp.Response small = RawHttp.postChunked(port, "/api/v1/evaluations",
                sample("CHUNKED-SMALL").getBytes(StandardCharsets.UTF_8), 0, (byte) ' ', new byte[0],
                "X-API-Key: " + ApiClients.INTEGRATOR_API_KEY, "Content-Type: application/json");
        assertThat(small.status()).as(small.body()).isEqualTo(201);
        assertThat(stored("CHUNKED-SMALL")).isEqualTo(1);
    }

    @Test
    void aChunkedMultipartUploadOverTheLimitIs413() throws IOException {
        String head = "--B\r\nContent-Disposition: form-data; name=\"ruleSet\"\r\n\r\nbalanced-development\r\n"
                + "--B\r\nContent-Disposition: form-data; name=\"file\"; filename=\"county.xlsx\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n";
        RawHttp.Response response = RawHttp.postChunked(port, "/api/v1/evaluations",
                head.getBytes(StandardCharsets.US_ASCII), OVER_LIMIT, (byte) 'x',
                "\r\n--B--\r\n".getBytes(StandardCharsets.US_ASCII),
                "X-API-Key: " + ApiClients.INTEGRATOR_API_KEY, "Content-Type: multipart/form-data; boundary=B");
        assertThat(problem(response, 413).get("title").asText()).isEqualTo("请求过大");
    }

    /** Each change of the sample county's first section, and the field the 400 must name. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "\"students\": 640,|\"students\": 640, \"students\": 1,|subject.schools[0].sections[0].students|出现了两次",
            "\"students\": 640,|\"students\": 640.5,|subject.schools[0].sections[0].students|不是整数",
            "\"students\": 640,|\"students\": 640.0,|subject.schools[0].sections[0].students|不是整数",
            "\"students\": 640,|\"students\": \"640\",|subject.schools[0].sections[0].students|不加引号",
            "\"year\": 2026,|\"year\": \"2026\",|subject.year|不加引号",
            "\"countyName\": \"大祥区\",|\"countyName\": 430503,|subject.countyName|带引号的文本",
            "\"ruleSet\": \"balanced-development\",|\"ruleSet\": \"balanced-development\", \"ruleSet\": \"curriculum\",|ruleSet|出现了两次"})
    void jsonIsReadStrictlyAndTheProblemNamesTheField(String original, String changed, String field, String reason)
            throws IOException {
        String sample = sample("STRICT");
        assertThat(sample).contains(original);
        ResponseEntity<JsonNode> response = ApiClients.postEvaluation(ApiClients.integratorKey(port),
                sample.replaceFirst(Pattern.quote(original), Matcher.quoteReplacement(changed)));
        assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(400);
        assertThat(response.getHeaders().getContentType()).hasToString(PROBLEM);
        JsonNode error = response.getBody().get("errors").get(0);
        assertThat(error.get("field").asText()).isEqualTo(field);
        assertThat(error.get("message").asText()).contains(reason);
        assertThat(stored("STRICT")).isZero();
    }

    @Test
    void textAfterTheJsonIsRefused() throws IOException {
        ResponseEntity<JsonNode> response = ApiClients.postEvaluation(ApiClients.integratorKey(port),
                sample("TRAILING") + " {\"students\": 1}");
        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(stored("TRAILING")).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"multipart/form-data; boundary=B", "multipart/form-data"})
    void aBodyThatIsNotMultipartIsA400Problem(String contentType) throws IOException {
        RawHttp.Response response = RawHttp.post(port, "/api/v1/evaluations",
                "this is not a multipart body".getBytes(StandardCharsets.US_ASCII),
                "X-API-Key: " + ApiClients.INTEGRATOR_API_KEY, "Content-Type: " + contentType);
        problem(response, 400);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/evaluations/a%2Fb", "/api/v1/evaluations/a%00b", "/api/v1/evaluations/%2e%2e/x",
            "/api/v1/evaluations/../rule-sets", "/api/v1/evaluations/x;y=1", "/api/v1//evaluations",
            "/api/v1/evaluations/a%5Cb"})
    void aMalformedPathIsA400ProblemEvenWithValidCredentials(String path) throws IOException {
        problem(RawHttp.get(port, path, RawHttp.basic("auditor", "auditor-local")), 400);
        problem(RawHttp.get(port, path, "X-API-Key: " + ApiClients.INTEGRATOR_API_KEY), 400);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/nothing-here", "/nothing", "/api/v1/rules"})
    void anUnknownRouteIsA404ProblemToWhoeverIsSignedIn(String path) throws IOException {
        problem(RawHttp.get(port, path, RawHttp.basic("admin", "admin-local")), 404);
        problem(RawHttp.get(port, path, "X-API-Key: " + ApiClients.INTEGRATOR_API_KEY), 404);
        problem(RawHttp.get(port, path), 401);
    }

    /** Under a path a role may not read at all (the auditors' evaluations tree), its rule still answers 403. */
    @Test
    void anUnknownRouteUnderARoleRuleIsA404ToThoseItAdmits() throws IOException {
        problem(RawHttp.get(port, "/api/v1/evaluations/x/nothing", RawHttp.basic("admin", "admin-local")), 404);
        problem(RawHttp.get(port, "/api/v1/evaluations/x/nothing", "X-API-Key: " + ApiClients.INTEGRATOR_API_KEY), 403);
    }

    @Test
    void theTemplateDownloadsWholeWithAnApiKey() throws IOException {
        byte[] template = ApiClients.integratorKey(port).get().uri("/api/v1/rule-sets/balanced-development/template")
                .retrieve().body(byte[].class);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template))) {
            assertThat(workbook.getSheet("学校数据")).isNotNull();
        }
    }

    @Test
    void usernamesAreExact() throws IOException {
        assertThat(RawHttp.get(port, "/api/v1/me", RawHttp.basic("admin", "admin-local")).status()).isEqualTo(200);
        problem(RawHttp.get(port, "/api/v1/me", RawHttp.basic("ADMIN", "admin-local")), 401);
        problem(RawHttp.get(port, "/api/v1/me", RawHttp.basic("Admin", "admin-local")), 401);
    }
}
