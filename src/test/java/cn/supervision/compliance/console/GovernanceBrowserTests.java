package cn.supervision.compliance.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.supervision.compliance.api.ApiClients;

/**
 * Issue 22, points 6 and 7, in a real browser (docs/guide-editor.md): the editor changes one figure on the page of
 * figures in force, sees the new version's change, tests and impact, and tries to approve it herself (refused: her own
 * upload); the reviewer opens the approval dialog with the change beside the impact grouped by the tree, approves it
 * with a comment, and the activations list who uploaded, who approved, when and why. Screenshots:
 * target/screenshots/governance-*.png.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:http-tests;DB_CLOSE_DELAY=-1")
class GovernanceBrowserTests {

    private static final Pattern VERSION = Pattern.compile("第 (\\d+) 版");
    private static final String R6_PRIMARY = "资源配置标准!E20";

    @LocalServerPort
    int port;

    @Autowired
    ObjectMapper mapper;

    @Test
    @DisplayName("政策制定人员：在浏览器中改一个数值，自己不能启用；另一位编辑对照改动和影响审核启用，启用记录写明谁、何时、为何")
    void theEditorChangesOneFigureAndTheReviewerApprovesItBesideItsImpact() {
        Assumptions.assumeTrue(Files.isExecutable(ConsoleBrowser.CHROMIUM) || System.getenv("CI") != null,
                "chromium is not installed (apt-get install chromium chromium-driver); in CI these tests must run");
        for (String county : new String[] {"430503", "330106", "110115"}) {
            ApiClients.evaluate(ApiClients.integratorKey(port), ApiClients.sample(mapper, county));
        }
        try (ConsoleBrowser browser = new ConsoleBrowser(port)) {
            walk(browser);
        }
    }

    private void walk(ConsoleBrowser browser) {
        browser.login("editor", "editor-local");
        browser.click(By.linkText("县域义务教育优质均衡（balanced-development）"));
        browser.textOf(By.id("figures"), "现行标准");
        browser.click(By.cssSelector("[data-edit='" + R6_PRIMARY + "']"));
        browser.type(By.id("figure-value"), "≥1900");
        browser.type(By.id("figure-comment"), "R6 小学 生均教学仪器设备值 调整为 1900 元");
        browser.screenshot("governance-1-editor-changes-one-figure");
        browser.click(By.id("figure-submit"));
        String version = browser.textOf(By.id("new-version"), "尚未生效");
        assertThat(version).contains("E20", "≥1900", "未通过 0 个");
        browser.textOf(By.id("impact"), "份的结论会改变");
        String sequence = number(version);
        assertThat(browser.textOf(By.id("approval-needed"), "另一位政策编辑审核")).contains("第 " + sequence + " 版");
        browser.screenshot("governance-2-editor-new-version");

        browser.click(By.cssSelector("[data-activate='" + sequence + "']"));
        browser.type(By.id("activation-comment"), "我自己核对过了");
        browser.click(By.id("confirm-activate"));
        assertThat(browser.textOf(By.id("activation-error"), "上传者不能自己启用")).contains("editor");
        browser.screenshot("governance-3-editor-refused");

        browser.login("reviewer", "reviewer-local");
        browser.click(By.linkText("县域义务教育优质均衡（balanced-development）"));
        browser.click(By.cssSelector("[data-activate='" + sequence + "']"));
        assertThat(browser.textOf(By.id("confirm-activation"), "由 editor 上传")).contains("第 " + sequence + " 版");
        assertThat(browser.textOf(By.id("confirm-changes"), "≥1900")).contains("E20", "≥2000");
        String impact = browser.textOf(By.id("confirm-impact"), "按管辖区域");
        assertThat(impact).contains("全国", "湖南省", "大祥区", "浙江省", "北京市");
        browser.screenshot("governance-4-reviewer-sees-change-and-impact");
        browser.type(By.id("activation-comment"), "已核对：与省定标准一致");
        browser.click(By.id("confirm-activate"));
        assertThat(browser.textOf(By.id("active-version"), "第 " + sequence + " 版")).contains("reviewer", "editor");
        String history = browser.textOf(By.id("versions"), "已核对：与省定标准一致");
        assertThat(history).contains("启用记录", "当前生效", "审核通过并启用", "reviewer", "editor");
        browser.textOf(By.id("figures"), "≥1900");
        browser.screenshot("governance-5-history-who-when-why");
    }

    private static String number(String text) {
        Matcher m = VERSION.matcher(text);
        assertThat(m.find()).as("a version number in %s", text).isTrue();
        return m.group(1);
    }
}
