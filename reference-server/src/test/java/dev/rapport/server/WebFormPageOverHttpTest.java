package dev.rapport.server;

import dev.rapport.storage.jdbc.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server's own web form page, {@code GET /contact}: accessible HTML in zh-CN and en, with the fields of API.md's
 * web form and the hidden honeypot, and no inline script or style (its script and styles are files of this origin).
 * The page reads nothing stored, so H2 suffices.
 */
class WebFormPageOverHttpTest {
    private static final List<String> FIELDS = List.of("name", "email", "phone", "subject", "message");

    @Test
    void thePageIsServedInBothLanguagesWithTheFormsFieldsAndNoInlineScriptOrStyle() throws Exception {
        try (var server = new TestServer(TestDatabase.H2)) {
            var english = page(server, "/contact?lang=en", "zh-CN,zh;q=0.9");
            var chinese = page(server, "/contact", "zh-TW,zh;q=0.9,en;q=0.5");
            var byBrowser = page(server, "/contact", "en-GB,en;q=0.8");
            var byDefault = page(server, "/contact", null);

            for (var page : List.of(english, chinese, byBrowser, byDefault)) {
                assertThat(page.statusCode()).isEqualTo(200);
                assertThat(page.headers().firstValue("Content-Type")).contains("text/html; charset=utf-8");
                assertThat(page.headers().firstValue("Content-Security-Policy")).get().asString()
                        .contains("script-src 'self'").contains("style-src 'self'").doesNotContain("unsafe-inline");
                var html = parse(page.body());
                for (String field : FIELDS) {
                    var control = (Element) nodes(html, "//form[@id='webform']//*[@name='" + field + "']").item(0);
                    assertThat(control).as(field).isNotNull();
                    assertThat(nodes(html, "//label[@for='" + control.getAttribute("id") + "']").getLength())
                            .as("label of " + field).isEqualTo(1);
                    assertThat(control.getAttribute("aria-describedby")).isEqualTo(field + "-error");
                    assertThat(attribute(html, "//*[@id='" + field + "-error']/@aria-live")).isEqualTo("polite");
                }
                assertThat(attribute(html, "//textarea[@name='message']/@required")).isNotEmpty();
                var honeypot = (Element) nodes(html, "//input[@name='website']").item(0);
                assertThat(honeypot.getAttribute("tabindex")).isEqualTo("-1");
                assertThat(honeypot.getAttribute("autocomplete")).isEqualTo("off");
                assertThat(honeypot.getAttribute("value")).isEmpty();
                assertThat(((Element) honeypot.getParentNode()).getAttribute("aria-hidden")).isEqualTo("true");
                assertThat(((Element) honeypot.getParentNode()).getAttribute("class")).isEqualTo("honeypot");
                assertThat(attribute(html, "//form/@action")).isEqualTo("/api/v1/public/webform");
                assertThat(attribute(html, "//*[@role='status']/@aria-live")).isEqualTo("polite");
                // No inline script or style: a script element has a src of this origin and no text, nothing else.
                assertThat(nodes(html, "//style | //*[@style]").getLength()).isZero();
                assertThat(nodes(html, "//script[not(@src)] | //script[normalize-space(.) != '']").getLength())
                        .isZero();
                assertThat(nodes(html, "//@*[starts-with(name(), 'on')]").getLength()).isZero();
                assertThat(attribute(html, "//script/@src")).isEqualTo("/public/webform.js");
                assertThat(attribute(html, "//link[@rel='stylesheet']/@href")).isEqualTo("/public/webform.css");
                assertThat(page.body()).doesNotContain("javascript:").doesNotContain("http://")
                        .doesNotContain("https://");
            }
            assertThat(attribute(parse(english.body()), "/html/@lang")).isEqualTo("en");
            assertThat(english.body()).contains("Contact us").contains("<label for=\"email\">E-mail</label>");
            assertThat(attribute(parse(byBrowser.body()), "/html/@lang")).isEqualTo("en");
            assertThat(attribute(parse(chinese.body()), "/html/@lang")).isEqualTo("zh-CN");
            assertThat(chinese.body()).contains("联系我们").contains("<label for=\"email\">电子邮件</label>");
            assertThat(attribute(parse(byDefault.body()), "/html/@lang")).isEqualTo("zh-CN");

            var script = server.exchangeText(HttpRequest.newBuilder(server.uri("/public/webform.js")).GET().build());
            var style = server.exchangeText(HttpRequest.newBuilder(server.uri("/public/webform.css")).GET().build());
            assertThat(script.statusCode()).isEqualTo(200);
            assertThat(script.headers().firstValue("Content-Type")).get().asString().contains("javascript");
            assertThat(script.body()).contains("crypto.subtle.digest('SHA-256'").contains("fetch(");
            assertThat(style.statusCode()).isEqualTo(200);
            assertThat(style.headers().firstValue("Content-Type")).get().asString().contains("text/css");
        }
    }

    @Test
    void withoutAWebFormChannelThereIsNoPage() throws Exception {
        try (var server = new TestServer(TestDatabase.H2, builder -> builder
                .config("rapport.channels.webform.type", "chat-webhook")
                .config("rapport.channels.webform.secret", "a-long-shared-chat-secret")
                .config("rapport.channels.webform.reply-url", "http://127.0.0.1:9/replies"))) {
            assertThat(page(server, "/contact?lang=en", null).statusCode()).isEqualTo(404);
        }
    }

    private static HttpResponse<String> page(TestServer server, String path, String acceptLanguage) {
        var request = HttpRequest.newBuilder(server.uri(path)).GET();
        if (acceptLanguage != null) {
            request.header("Accept-Language", acceptLanguage);
        }
        return server.exchangeText(request.build());
    }

    private static Document parse(String html) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
    }

    private static NodeList nodes(Object context, String xpath) throws Exception {
        return (NodeList) XPathFactory.newInstance().newXPath().evaluate(xpath, context, XPathConstants.NODESET);
    }

    private static String attribute(Document html, String xpath) throws Exception {
        return XPathFactory.newInstance().newXPath().evaluate(xpath, html);
    }
}
