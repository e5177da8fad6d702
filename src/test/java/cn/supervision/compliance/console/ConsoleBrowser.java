package cn.supervision.compliance.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's chromium, headless, driven through its own chromedriver: nothing is downloaded (explicit binary and driver
 * paths given to the driver service, so Selenium Manager never runs), a fresh profile per browser, and screenshots
 * kept in target/screenshots.
 */
final class ConsoleBrowser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    /** Screenshots show the whole page, up to this many pixels tall. */
    private static final int MAX_HEIGHT = 5000;
    /** Generous: a loaded 2-core machine may take long to evaluate a whole county; a wait ends as soon as it is met. */
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final ChromeDriver driver;
    private final WebDriverWait wait;
    private final String base;
    private final Path downloads;

    ConsoleBrowser(int port) {
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        Path profile = temporaryFolder("console-profile");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile, "--window-size=1366,900", "--lang=zh-CN");
        downloads = temporaryFolder("console-downloads");
        options.setExperimentalOption("prefs", Map.of(
                "download.default_directory", downloads.toString(),
                "download.prompt_for_download", false));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        // the console re-renders as it answers: an element read while it is replaced is read again, not a failure
        wait = new WebDriverWait(driver, PATIENCE);
        wait.ignoring(StaleElementReferenceException.class);
        base = "http://localhost:" + port + "/console/";
    }

    private static Path temporaryFolder(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Opens the console afresh (no one signed in) and signs in through the login form. */
    void login(String name, String password) {
        logout();
        type(By.id("login-name"), name);
        type(By.id("login-password"), password);
        click(By.id("login-submit"));
        signedIn();
    }

    /**
     * Waits until the sign-in is over: the console has left the login page for the user's home page (so no late
     * navigation follows), or it says why it refused.
     */
    private void signedIn() {
        wait.until(d -> !hash().startsWith("#/login") && !d.findElements(By.cssSelector("#menu a")).isEmpty()
                || d.findElements(By.id("login-error")).stream().anyMatch(e -> !e.getText().isBlank()));
    }

    /** Signs in with the keyboard alone: the cursor starts in the user name, Tab moves on, Enter submits. */
    void loginByKeyboard(String name, String password) {
        logout();
        driver.switchTo().activeElement().sendKeys(name, Keys.TAB);
        driver.switchTo().activeElement().sendKeys(password, Keys.ENTER);
        signedIn();
    }

    /** Opens the console with the tab's session forgotten (its cookies and cached name deleted): the login page. */
    void logout() {
        driver.get(base);
        driver.manage().deleteAllCookies();
        driver.executeScript("sessionStorage.clear(); location.hash = '#/login'; location.reload();");
        visible(By.id("login-name"));
    }

    void go(String hash) {
        driver.get(base + hash);
    }

    WebElement visible(By by) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /** Waits until the element's text contains the given text, and returns the whole text. */
    String textOf(By by, String expected) {
        try {
            wait.until(ExpectedConditions.textToBePresentInElementLocated(by, expected));
        } catch (TimeoutException e) {
            screenshot("timeout-" + System.currentTimeMillis());
            throw new AssertionError("no '" + expected + "' in " + by + " on " + driver.getCurrentUrl() + "; the page says: "
                    + driver.findElement(By.tagName("body")).getText(), e);
        }
        return driver.findElement(by).getText();
    }

    void click(By by) {
        wait.until(ExpectedConditions.elementToBeClickable(by)).click();
    }

    void type(By by, String text) {
        WebElement field = visible(by);
        field.clear();
        field.sendKeys(text);
    }

    /** Chooses a file for a file input (by its absolute path, as a user picking it would). */
    void choose(By input, Path file) {
        driver.findElement(input).sendKeys(file.toAbsolutePath().toString());
    }

    /** Waits until the browser has saved a download of this name (no partial file left), and returns it. */
    Path downloaded(String name) {
        Path file = downloads.resolve(name);
        wait.until(d -> Files.isRegularFile(file) && !Files.exists(downloads.resolve(name + ".crdownload")));
        return file;
    }

    List<String> menu() {
        visible(By.id("menu"));
        return driver.findElements(By.cssSelector("#menu a")).stream().map(WebElement::getText).toList();
    }

    String hash() {
        return (String) driver.executeScript("return location.hash;");
    }

    ChromeDriver driver() {
        return driver;
    }

    WebDriverWait waiting() {
        return wait;
    }

    void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Dimension window = driver.manage().window().getSize();
            long height = (Long) driver.executeScript("return document.documentElement.scrollHeight;");
            driver.manage().window().setSize(new Dimension(window.getWidth(), (int) Math.min(height + 120, MAX_HEIGHT)));
            Files.write(SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
            driver.manage().window().setSize(window);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
