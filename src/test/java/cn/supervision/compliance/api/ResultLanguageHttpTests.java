package cn.supervision.compliance.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What an evaluation writes into its result (the decision's reasons, the headline, a check's note) is in the language
 * of the request: Chinese by default, English with {@code Accept-Language: en}; a figure the subject did not supply is
 * named as a person reads it (its Chinese name, and whether it is last year's), not as its JSON path.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:http-tests;DB_CLOSE_DELAY=-1")
class ResultLanguageHttpTests {

    private static final Path RESOURCE_SAMPLE = Path.of("samples/county-430503.json");
    private static final Path FULL_SAMPLE = Path.of("samples/county-assessment-430503.json");
    private static final Path DISTRICT_SAMPLE = Path.of("samples/district-daxing.json");

    @LocalServerPort
    int port;

    @Autowired
    ObjectMapper mapper;

    @Test
    void aCountyAssessmentIsHeadlinedInChineseByDefaultAndInEnglishWhenAskedFor() throws IOException {
        JsonNode chinese = post(Files.readString(FULL_SAMPLE), null);
        JsonNode english = post(Files.readString(FULL_SAMPLE), "en");

        assertThat(chinese.get("summary").get("headline").asText()).isEqualTo(headline(chinese,
                "达标。大祥区 2026 年：认定；B类总分 %s 分（良好）；指标达标 %s 项、未达标 %s 项、未评估 %s 项；学校（学段）达标 %s/%s"));
        assertThat(english.get("summary").get("headline").asText()).isEqualTo(headline(english,
                "Passed. 大祥区 2026: recognised; class-B total %s points (良好); indicators met %s, not met %s, not assessed %s;"
                        + " schools (sections) meeting the standards %s/%s"));
        assertThat(chinese.get("decision").get("label").asText()).isEqualTo("认定");
        assertThat(english.get("decision").get("label").asText()).isEqualTo("recognised");
        assertThat(english.get("decision").get("outcome").asText()).isEqualTo("RECOGNISED");
    }

    /** Resource figures only, judged as the whole assessment: class-A measures fail and the rest is not assessed. */
    @Test
    void theDecisionsReasonsAreChineseByDefaultAndEnglishWhenAskedFor() throws IOException {
        String request = wholeAssessmentOfResourceFigures();

        List<String> chinese = reasons(post(request, null));
        List<String> english = reasons(post(request, "en"));

        assertThat(chinese).isNotEmpty().hasSameSizeAs(english);
        assertThat(chinese).allSatisfy(r -> assertThat(r).matches("^(一票否决|认定前提未达标|A类指标未达标|B类指标"
                + "得分低于最低要求|B类指标总分|未评估（资料不全）).*"));
        assertThat(chinese).anySatisfy(r -> assertThat(r).startsWith("未评估（资料不全）：G"));
        assertThat(english).allSatisfy(r -> assertThat(r).matches("^(Veto|Prerequisite not met|Class-A indicator not"
                + " met|Class-B indicator scored below its floor|Class-B total|Not assessed \\(incomplete data\\)).*"));
        assertThat(english).anySatisfy(r -> assertThat(r).startsWith("Not assessed (incomplete data): G"));
        assertThat(english).noneSatisfy(r -> assertThat(r).contains("未达标", "未评估", "一票否决"));
    }

    @Test
    void aDistrictsMissingFigureIsNamedInChinese() throws IOException {
        ObjectNode request = (ObjectNode) mapper.readTree(Files.readString(DISTRICT_SAMPLE));
        ObjectNode district = (ObjectNode) request.get("subject");
        district.remove("smartCampusRate");
        district.remove("kindergartenFundingPerChildLastYear");

        JsonNode result = post(mapper.writeValueAsString(request), null);

        List<String> notes = result.get("checks").findValuesAsText("note");
        assertThat(notes).contains("缺少数据：智慧校园达标率", "缺少数据：生均公用经费（上年）");
        assertThat(notes).noneSatisfy(note -> assertThat(note).contains("subject."));
        assertThat(result.get("summary").get("headline").asText()).startsWith("未达标。大兴区 2026 年：检查 ")
                .contains("原因：");

        List<String> english = post(mapper.writeValueAsString(request), "en").get("checks").findValuesAsText("note");
        assertThat(english).contains("Missing data: subject.smartCampusRate");
    }

    @Test
    void aResourceAllocationHeadlineFollowsTheRequestsLanguage() throws IOException {
        String request = Files.readString(RESOURCE_SAMPLE);

        assertThat(post(request, null).get("summary").get("headline").asText()).startsWith("未达标。大祥区 2026 年资源配置：");
        assertThat(post(request, "en").get("summary").get("headline").asText())
                .startsWith("Not passed. 大祥区 2026: resource allocation: ").contains("Why:");
    }

    /** {@code format} filled with the result's class-B total and its counts, in the headline's order. */
    private static String headline(JsonNode result, String format) {
        JsonNode summary = result.get("summary");
        return format.formatted(
                result.get("assessment").get("totalScore").decimalValue().stripTrailingZeros().toPlainString(),
                summary.get("checksPassed").asInt(), summary.get("checksFailed").asInt(),
                summary.get("checksNotAssessed").asInt(), summary.get("sectionsPassed").asInt(),
                summary.get("sectionsAssessed").asInt());
    }

    private String wholeAssessmentOfResourceFigures() throws IOException {
        ObjectNode request = (ObjectNode) mapper.readTree(Files.readString(RESOURCE_SAMPLE));
        ((ObjectNode) request.get("subject")).put("scope", "FULL_ASSESSMENT");
        return mapper.writeValueAsString(request);
    }

    private static List<String> reasons(JsonNode result) {
        assertThat(result.get("decision").get("outcome").asText()).isEqualTo("NOT_RECOGNISED");
        return StreamSupport.stream(result.get("decision").get("reasons").spliterator(), false)
                .map(JsonNode::asText).toList();
    }

    private JsonNode post(String request, String acceptLanguage) {
        RestClient.RequestBodySpec spec = ApiClients.admin(port).post().uri("/api/v1/evaluations")
                .contentType(MediaType.APPLICATION_JSON);
        if (acceptLanguage != null) {
            spec.header(HttpHeaders.ACCEPT_LANGUAGE, acceptLanguage);
        }
        JsonNode result = spec.body(request).retrieve().body(JsonNode.class);
        assertThat(result.hasNonNull("id")).as("evaluation created: %s", result).isTrue();
        return result;
    }
}
