package dev.rapport.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rapport.server.apidocs.ApiDescription;
import dev.rapport.storage.jdbc.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /api-docs} in a real browser under the server's own content security policy: Swagger UI draws every
 * operation of the document with its styles, opens an operation's request schema, and the browser reports no
 * violation of the policy (the page would still half-work with a refused inline style, so the report is what tells).
 */
class ApiDocsBrowserTest {
    /** Runs before the page's own scripts, and outside the page's policy: it only listens. */
    private static final String RECORD_VIOLATIONS = "window.cspViolations = [];"
            + "document.addEventListener('securitypolicyviolation', e => "
            + "window.cspViolations.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + e.sourceFile));";
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    @Test
    void theViewerDrawsEveryOperationWithoutViolatingThePolicy() {
        try (var server = new TestServer(TestDatabase.H2)) {
            var browser = ConsoleBrowser.page(server, "/api-docs");
            var chrome = (ChromeDriver) browser.driver;
            var script = chrome.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument",
                    Map.of("source", RECORD_VIOLATIONS));
            try {
                chrome.navigate().refresh();
                int operations = operationsOf(ApiDescription.document());
                new WebDriverWait(chrome, Duration.ofSeconds(30)).until(d ->
                        d.findElements(By.cssSelector(".opblock")).size() == operations);

                assertThat(browser.find(".info .title").getText()).startsWith("Rapport reference server");
                var login = browser.find("#operations-auth-login");
                assertThat(login.getText()).contains("POST", "/api/v1/auth/login");
                // swagger-ui.css applied: the method badge of a POST is Swagger's green, not the browser's default.
                assertThat(browser.script("return getComputedStyle(arguments[0]).backgroundColor",
                        login.findElement(By.cssSelector(".opblock-summary-method")))).isEqualTo("rgb(73, 204, 144)");

                login.findElement(By.cssSelector(".opblock-summary-control")).click();
                browser.waitForText("#operations-auth-login .opblock-body", "employeeId");
                browser.screenshot("api-docs");

                assertThat((List<?>) browser.script("return window.cspViolations")).isEmpty();
            } finally {
                chrome.executeCdpCommand("Page.removeScriptToEvaluateOnNewDocument",
                        Map.of("identifier", script.get("identifier")));
            }
        }
    }

    private static int operationsOf(JsonNode document) {
        int count = 0;
        for (var path : document.get("paths")) {
            for (var names = path.fieldNames(); names.hasNext(); ) {
                if (METHODS.contains(names.next())) {
                    count++;
                }
            }
        }
        return count;
    }
}
