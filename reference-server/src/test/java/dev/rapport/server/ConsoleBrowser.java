package dev.rapport.server;

import dev.rapport.server.demo.DemoData;
import dev.rapport.testkit.Eventually;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Debian's Chromium, driven through Debian's chromedriver, against a {@link TestServer}: the console as a user meets
 * it. One headless browser serves every test of the JVM (it starts once, in about a second); each server listens on
 * its own port, so each test starts with the empty storage of a new origin. The browser and driver are named
 * explicitly, so Selenium never tries to download either.
 */
final class ConsoleBrowser {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /**
     * Where the tests leave screenshots of the main views: under target, so a test run leaves the working tree as it
     * was; {@code -Drapport.screenshots=../docs/screenshots} refreshes README's pictures.
     */
    static final Path SCREENSHOTS = Path.of(System.getProperty("rapport.screenshots", "target/screenshots"));
    /** Generous, as a wait that is met returns at once; {@code rapport.test.patience} (seconds) overrides it. */
    private static final Duration WAIT = Duration.ofSeconds(Long.getLong(Eventually.PATIENCE_PROPERTY, 30));
    /** Looks often: a toast shows for four seconds only. */
    private static final Duration POLL = Duration.ofMillis(50);
    /**
     * True once the console has drawn what it was asked for: {@code <main>} and every part of it that fills in later
     * say so by dropping {@code aria-busy}. Until then, an element found may be replaced a moment later.
     */
    private static final String SETTLED = "const main = document.getElementById('main');"
            + "return !!main && !main.hasAttribute('aria-busy') && !main.querySelector('[aria-busy=true]');";

    private static WebDriver shared;

    final WebDriver driver;
    private final TestServer server;
    private final WebDriverWait wait;

    private ConsoleBrowser(WebDriver driver, TestServer server) {
        this.driver = driver;
        this.server = server;
        // Views are redrawn after every change: an element read a moment ago may be gone, so look again.
        this.wait = (WebDriverWait) new WebDriverWait(driver, WAIT, POLL).ignoring(StaleElementReferenceException.class);
    }

    /** The shared browser pointed at {@code server}'s console, logged out. */
    static ConsoleBrowser on(TestServer server) {
        var browser = new ConsoleBrowser(driver(), server);
        browser.driver.get(server.uri("/").toString());
        browser.settled();
        return browser;
    }

    /** The shared browser at {@code path} of {@code server}: one of its public pages, whose {@code <main id=main>}
     * settles as the console's does. */
    static ConsoleBrowser page(TestServer server, String path) {
        var browser = new ConsoleBrowser(driver(), server);
        browser.driver.get(server.uri(path).toString());
        browser.settled();
        return browser;
    }

    private static synchronized WebDriver driver() {
        if (shared == null) {
            if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
                throw new IllegalStateException("The browser tests need Debian's chromium and chromium-driver: "
                        + "apt-get install chromium chromium-driver (.ci/run does so)");
            }
            var service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                    .usingAnyFreePort().build();
            var options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments("--headless=new",
                    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--no-first-run", "--disable-quic", "--disable-dev-shm-usage",
                    "--window-size=1366,900", "--user-data-dir=" + temporaryProfile(), "--lang=en-US");
            shared = new ChromeDriver(service, options);
            Runtime.getRuntime().addShutdownHook(new Thread(shared::quit));
        }
        return shared;
    }

    private static String temporaryProfile() {
        try {
            return Files.createTempDirectory("rapport-chromium").toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Runs the browser in {@code zone} (an IANA id) from now on, as if its computer were set to it; {@code ""} gives it
     * back its own. The browser is shared: a test that moves it moves it back.
     */
    ConsoleBrowser inZone(String zone) {
        ((ChromeDriver) driver).executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", zone));
        return this;
    }

    /** Opens a console address such as {@code /customers} and waits until its view is drawn. */
    ConsoleBrowser go(String route) {
        driver.get(server.uri("/#" + route).toString());
        wait.until(d -> route.equals(script("return decodeURI(document.getElementById('main').dataset.route || '')")));
        return settled();
    }

    /** Waits until the console has drawn what it was last asked for (see {@link #SETTLED}). */
    ConsoleBrowser settled() {
        wait.until(d -> Boolean.TRUE.equals(script(SETTLED)));
        return this;
    }

    /** Logs in through the form as a demo user, then switches the console to {@code language} if it differs. */
    ConsoleBrowser login(String employeeId, String language) {
        go("/login");
        fill("#main form", "employeeId", employeeId);
        fill("#main form", "password", DemoData.PASSWORD);
        click("#main form button[type=submit]");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("logout")));
        wait.until(d -> !"/login".equals(script("return document.getElementById('main').dataset.route")));
        settled();
        chooseLanguage(language);
        return this;
    }

    /**
     * Logs out through the top bar and waits until the login form says so: the console navigates there only once the
     * server has ended the session, and a page opened before that would be drawn over.
     */
    ConsoleBrowser logout() {
        click("#logout");
        wait.until(d -> "/login?loggedOut=1".equals(script("return document.getElementById('main').dataset.route")));
        return settled();
    }

    /** Chooses the console's language in the top bar and waits for the texts to change. */
    ConsoleBrowser chooseLanguage(String language) {
        var select = new Select(find("#language"));
        if (!select.getFirstSelectedOption().getAttribute("value").equals(language)) {
            select.selectByValue(language);
            wait.until(d -> language.equals(((JavascriptExecutor) d).executeScript(
                    "return document.documentElement.lang")));
        }
        return settled();
    }

    /** The visible element at {@code css}, once the console has settled. */
    WebElement find(String css) {
        settled();
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    /** Clicks the element at {@code css}, found afresh until the click lands on the element the console shows. */
    ConsoleBrowser click(String css) {
        settled();
        wait.until(d -> {
            var element = d.findElement(By.cssSelector(css));
            if (!element.isDisplayed() || !element.isEnabled()) {
                return null;
            }
            element.click();
            return true;
        });
        return this;
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** The control named {@code name} inside {@code scope}, found by its label the way a screen reader does. */
    WebElement control(String scope, String name) {
        var control = find(scope + " [name='" + name + "']");
        String id = control.getAttribute("id");
        var labels = driver.findElements(By.cssSelector("label[for='" + id + "']"));
        if (labels.isEmpty() || labels.getFirst().getText().isBlank()) {
            throw new AssertionError("control " + name + " has no label");
        }
        return control;
    }

    /** Fills in or chooses {@code value}; a control drawn anew meanwhile is found again and filled from the start. */
    ConsoleBrowser fill(String scope, String name, String value) {
        wait.until(d -> {
            var control = control(scope, name);
            if ("select".equals(control.getTagName())) {
                new Select(control).selectByValue(value);
            } else {
                control.clear();
                control.sendKeys(value);
            }
            return true;
        });
        return this;
    }

    /**
     * Waits until {@code css} shows text containing {@code text}, and returns that element: in {@code <main>} once the
     * console has settled; elsewhere (a toast, which shows for a few seconds only) at once.
     */
    WebElement waitForText(String css, String text) {
        return waitForText(By.cssSelector(css), text, css.startsWith("#main"));
    }

    /** Waits until the settled console shows text containing {@code text} at {@code xpath}, and returns it. */
    WebElement waitForXPathText(String xpath, String text) {
        return waitForText(By.xpath(xpath), text, true);
    }

    private WebElement waitForText(By locator, String text, boolean inMain) {
        return wait.until(d -> {
            if (inMain && !Boolean.TRUE.equals(script(SETTLED))) {
                return null;
            }
            var element = d.findElement(locator);
            return element.isDisplayed() && element.getText().contains(text) ? element : null;
        });
    }

    <T> T waitUntil(Function<WebDriver, T> condition) {
        return wait.until(condition);
    }

    /** The error shown beside the field {@code name} of the form in {@code scope}. */
    String fieldError(String scope, String name) {
        return waitUntilNotBlank(scope + " [data-field='" + name + "'] .field-error");
    }

    String waitUntilNotBlank(String css) {
        return wait.until(d -> {
            var found = d.findElements(By.cssSelector(css));
            return found.isEmpty() || found.getFirst().getText().isBlank() ? null : found.getFirst().getText();
        });
    }

    Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Saves the window as {@code <name>.png} in {@link #SCREENSHOTS}. */
    void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
            Files.write(SCREENSHOTS.resolve(name + ".png"), png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Bytes the page and everything it loaded transferred, from the browser's resource timing. */
    long transferredBytes() {
        return ((Number) script("const nav = performance.getEntriesByType('navigation')[0];"
                + "return nav.transferSize + performance.getEntriesByType('resource')"
                + ".reduce((sum, r) => sum + r.transferSize, 0)")).longValue();
    }

}
