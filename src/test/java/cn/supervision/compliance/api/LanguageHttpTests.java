package cn.supervision.compliance.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Every answer a person reads is Chinese, whatever the request's headers say (a browser's en-US too); English only
 * when the request asks for it with {@code Accept-Language: en}. The machine-readable parts (field paths, codes) are the same in both.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:language-tests;DB_CLOSE_DELAY=-1")
class LanguageHttpTests {

    private static final String NEGATIVE_STUDENTS = "{\"ruleSet\": \"balanced-development\", \"subject\": "
            + "{\"countyCode\": \"430503\", \"countyName\": \"大祥区\", \"year\": 2026, \"schools\": [{\"id\": \"S1\", "
            + "\"name\": \"第一小学\", \"type\": \"PRIMARY\", \"sections\": [{\"stage\": \"PRIMARY\", \"students\": -5}]}]}}";

    @LocalServerPort
    int port;

    @ParameterizedTest
    @ValueSource(strings = {"", "zh-CN", "fr-FR, en;q=0.8", "de", "*", "zh-TW,zh;q=0.9,en;q=0.8", "not a header!",
            "en-US,en;q=0.9", "en-GB"})
    void chineseWhateverTheHeadersSay(String acceptLanguage) {
        ResponseEntity<JsonNode> answer = post(acceptLanguage);

        assertThat(answer.getStatusCode().value()).isEqualTo(400);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.CONTENT_LANGUAGE)).isEqualTo("zh-CN");
        assertThat(answer.getBody().get("title").asText()).isEqualTo("提交的数据有误");
        JsonNode students = students(answer.getBody());
        assertThat(students.get("message").asText()).isEqualTo("学生数（人）：必须大于 0");
        assertThat(students.get("code").asText()).isEqualTo("constraint.Positive");
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "EN", "en, zh-CN;q=0.8"})
    void englishWhenTheRequestAsksForIt(String acceptLanguage) {
        ResponseEntity<JsonNode> answer = post(acceptLanguage);

        assertThat(answer.getHeaders().getFirst(HttpHeaders.CONTENT_LANGUAGE)).isEqualTo("en");
        assertThat(answer.getBody().get("title").asText()).isEqualTo("Invalid input");
        JsonNode students = students(answer.getBody());
        assertThat(students.get("message").asText()).isEqualTo(
                "subject.schools[0].sections[0].students: must be greater than 0");
        assertThat(students.get("code").asText()).isEqualTo("constraint.Positive");
    }

    @Test
    void theSecurityAndSpringsOwnProblemsAreChineseToo() {
        ResponseEntity<JsonNode> unauthenticated = ApiClients.anonymous(port).get().uri("/api/v1/evaluations")
                .exchange((request, answer) -> ResponseEntity.status(answer.getStatusCode()).body(answer.bodyTo(JsonNode.class)));
        assertThat(unauthenticated.getStatusCode().value()).isEqualTo(401);
        assertThat(unauthenticated.getBody().get("title").asText()).isEqualTo("需要登录");
        assertThat(unauthenticated.getBody().get("detail").asText()).startsWith("需要登录");

        ResponseEntity<JsonNode> wrongType = ApiClients.admin(port).post().uri("/api/v1/evaluations")
                .contentType(MediaType.TEXT_PLAIN).body("430503")
                .exchange((request, answer) -> ResponseEntity.status(answer.getStatusCode()).body(answer.bodyTo(JsonNode.class)));
        assertThat(wrongType.getStatusCode().value()).isEqualTo(415);
        assertThat(wrongType.getBody().get("title").asText()).isEqualTo("不支持此内容类型");
        assertThat(wrongType.getBody().get("detail").asText()).startsWith("不支持内容类型 text/plain");
    }

    private ResponseEntity<JsonNode> post(String acceptLanguage) {
        RestClient.RequestBodySpec request = ApiClients.admin(port).post().uri("/api/v1/evaluations")
                .contentType(MediaType.APPLICATION_JSON);
        if (!acceptLanguage.isEmpty()) {
            request.header(HttpHeaders.ACCEPT_LANGUAGE, acceptLanguage);
        }
        return request.body(NEGATIVE_STUDENTS)
                .exchange((sent, answer) -> ResponseEntity.status(answer.getStatusCode())
                        .headers(answer.getHeaders()).body(answer.bodyTo(JsonNode.class)));
    }

    private static JsonNode students(JsonNode problem) {
        for (JsonNode error : problem.get("errors")) {
            if (error.get("field").asText().equals("subject.schools[0].sections[0].students")) {
                return error;
            }
        }
        throw new AssertionError("no problem names the students of the section: " + problem);
    }
}
