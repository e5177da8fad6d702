package cn.supervision.compliance.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.supervision.compliance.api.ApiClients;

/**
 * The supervision cycle in a real browser (issue 24; docs/guide-clerk.md and docs/guide-reviewer.md): the clerk sees
 * the submission waiting, the reviewer returns it with a cell comment, the clerk reads the comment, the reviewer
 * approves the corrected figures and finds the rectification items, the clerk submits an item's result with an evidence
 * file chosen in the browser and the reviewer closes it, and the supervision office's overview draws its ranking and a
 * county's three-year history as a line chart. Screenshots: target/screenshots/cycle-*.png.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:http-tests;DB_CLOSE_DELAY=-1")
class CycleBrowserTests {

    private static final String CODE = "431103-BR";

    @LocalServerPort
    int port;

    @Autowired
    ObjectMapper mapper;

    @Test
    void theClerkTheReviewerAndTheOfficeWalkTheCycle() {
        Assumptions.assumeTrue(Files.isExecutable(ConsoleBrowser.CHROMIUM) || System.getenv("CI") != null,
                "chromium is not installed (apt-get install chromium chromium-driver); in CI these tests must run");
        try (ConsoleBrowser browser = new ConsoleBrowser(port)) {
            walk(browser);
        }
    }

    private void walk(ConsoleBrowser browser) {
        ObjectNode request = ApiClients.sample(mapper, CODE);
        String id = as("clerk").post().uri("/api/v1/submissions").contentType(MediaType.APPLICATION_JSON).body(request)
                .retrieve().body(JsonNode.class).get("id").asText();

        browser.login("clerk", "clerk-local");
        assertThat(browser.menu()).containsExactly("我的填报", "整改事项");
        assertThat(browser.textOf(By.tagName("table"), CODE)).contains("待审核");
        browser.screenshot("cycle-clerk-submitted");

        browser.login("checker", "checker-local");
        assertThat(browser.menu()).containsExactly("待审核", "整改事项", "督导概况");
        browser.click(By.cssSelector("[data-submission='" + id + "']"));
        assertThat(browser.textOf(By.id("submission-verdict"), "未达标")).contains("评估结果");
        browser.type(By.id("review-comment"), "请核实檀江乡中心小学的仪器设备值");
        browser.type(By.id("review-sheet"), "学校数据");
        browser.type(By.id("review-cell"), "J5");
        browser.type(By.id("review-message"), "与资产台账不一致");
        browser.screenshot("cycle-reviewer-returning");
        browser.click(By.id("return"));
        browser.textOf(By.id("status"), "已退回");

        browser.login("clerk", "clerk-local");
        browser.click(By.cssSelector("[data-submission='" + id + "']"));
        assertThat(browser.textOf(By.cssSelector(".steps"), "J5")).contains("学校数据").contains("与资产台账不一致");
        browser.screenshot("cycle-clerk-returned");
        as("clerk").put().uri("/api/v1/submissions/" + id).contentType(MediaType.APPLICATION_JSON).body(request)
                .retrieve().toBodilessEntity();

        browser.login("checker", "checker-local");
        browser.click(By.cssSelector("[data-submission='" + id + "']"));
        browser.type(By.id("review-comment"), "同意");
        browser.click(By.id("approve"));
        browser.textOf(By.id("status"), "已审核通过");
        browser.go("#/rectifications?code=" + CODE);
        assertThat(browser.textOf(By.tagName("table"), "待整改")).contains("区教育局").contains("R6");
        browser.screenshot("cycle-reviewer-rectifications");

        // the clerk submits an item's result with an evidence file chosen in the browser; the reviewer closes it
        String item = as("checker").get().uri("/api/v1/rectifications?code=" + CODE + "&indicator=R6").retrieve()
                .body(JsonNode.class).get("items").get(0).get("id").asText();
        browser.login("clerk", "clerk-local");
        browser.go("#/rectifications?code=" + CODE);
        browser.click(By.cssSelector("[data-evidence='" + item + "']"));
        browser.type(By.id("item-explanation"), "已采购教学仪器 3 万元，附验收单");
        browser.choose(By.id("item-evidence"), evidence());
        assertThat(browser.visible(By.id("item-evidence-chosen")).getText()).isEqualTo("已选择：验收单.png");
        browser.screenshot("cycle-clerk-evidence");
        browser.click(By.id("item-submit"));
        browser.textOf(By.id("status"), "已提交整改结果");
        assertThat(browser.textOf(By.tagName("table"), "待销号")).contains("R6");

        browser.login("checker", "checker-local");
        browser.go("#/rectifications?code=" + CODE + "&status=submitted");
        browser.click(By.cssSelector("[data-review-item='" + item + "']"));
        assertThat(browser.textOf(By.id("item-evidence-files"), "验收单.png")).contains("证明材料");
        assertThat(browser.visible(By.id("item-steps")).getText()).contains("已采购教学仪器 3 万元");
        browser.type(By.id("item-comment"), "材料齐全，同意销号");
        browser.screenshot("cycle-reviewer-closing");
        browser.click(By.id("item-close"));
        browser.textOf(By.id("status"), "已销号");
        JsonNode closed = as("checker").get().uri("/api/v1/rectifications/" + item).retrieve().body(JsonNode.class);
        assertThat(closed.get("status").asText()).isEqualTo("closed");
        assertThat(closed.get("evidence").get(0).get("fileName").asText()).isEqualTo("验收单.png");

        // two earlier years approved, so that the county's history has three
        int year = request.get("subject").get("year").asInt();
        approve(year - 2);
        approve(year - 1);
        browser.go("#/overview?node=national&ruleSet=balanced-development&year=" + year + "&indicator=R6");
        assertThat(browser.textOf(By.id("overview-counts"), "评估对象")).contains("达标");
        browser.visible(By.cssSelector("#ranking-chart svg"));
        browser.click(By.cssSelector("[data-history='" + CODE + "']"));
        browser.visible(By.cssSelector("#history-chart svg"));
        assertThat(browser.textOf(By.id("status"), "历年趋势")).contains(CODE);
        assertThat(browser.textOf(By.id("history-chart"), String.valueOf(year - 2)))
                .contains(String.valueOf(year - 1)).contains(String.valueOf(year));
        browser.screenshot("cycle-office-overview");
    }

    /** The sample county's figures for another year, submitted by the clerk and approved by the reviewer. */
    private void approve(int year) {
        ObjectNode request = ApiClients.sample(mapper, CODE);
        ((ObjectNode) request.get("subject")).put("year", year);
        String id = as("clerk").post().uri("/api/v1/submissions").contentType(MediaType.APPLICATION_JSON).body(request)
                .retrieve().body(JsonNode.class).get("id").asText();
        as("checker").post().uri("/api/v1/submissions/" + id + "/approve").contentType(MediaType.APPLICATION_JSON)
                .body("{}").retrieve().toBodilessEntity();
    }

    /** A 1×1 PNG named as an acceptance slip, as a clerk would choose it. */
    private static Path evidence() {
        try {
            Path file = Files.createTempDirectory("evidence").resolve("验收单.png");
            Files.write(file, Base64.getDecoder().decode(
                    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="));
            return file;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private RestClient as(String user) {
        String basic = Base64.getEncoder().encodeToString((user + ":" + user + "-local").getBytes(StandardCharsets.UTF_8));
        return RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Basic " + basic)
                .defaultStatusHandler(HttpStatusCode::isError, (req, res) -> {
                    throw new AssertionError("HTTP " + res.getStatusCode());
                }).build();
    }
}
