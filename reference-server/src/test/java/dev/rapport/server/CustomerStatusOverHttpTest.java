package dev.rapport.server;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.rapport.storage.jdbc.testing.StorageTest;
import dev.rapport.storage.jdbc.testing.TestDatabase;
import dev.rapport.testkit.Eventually;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.extension.RegisterExtension;
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
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16's acceptance: a resolved ticket's customer, reached by e-mail (GreenMail, real SMTP and IMAP), opens the
 * link they were mailed, answers UNSATISFIED, and the ticket is REOPENED with their comment in its history; a second
 * answer is refused, and the link is in no staff API. Then API.md's answers: 201, 409, 410, 404, 400 and 422.
 */
class CustomerStatusOverHttpTest {
    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));
    private static final String SUPPORT = "support@rapport.example";
    private static final String CUSTOMER = "li.na@customer.example";
    private static final String BASE = "https://service.example.com";
    private static final Pattern LINK = Pattern.compile(Pattern.quote(BASE) + "(/status/([A-Za-z0-9_-]+))");

    private final Session session = Session.getInstance(new Properties());

    private TestServer start(TestDatabase db) {
        MAIL.setUser(SUPPORT, "support", "imap-secret-1");
        return new TestServer(db, builder -> builder.pollChannels(false)
                .config("rapport.channels.support-mail.type", "email")
                .config("rapport.channels.support-mail.imap-host", "127.0.0.1")
                .config("rapport.channels.support-mail.imap-port", Integer.toString(MAIL.getImap().getPort()))
                .config("rapport.channels.support-mail.imap-ssl", "false")
                .config("rapport.channels.support-mail.imap-user", "support")
                .config("rapport.channels.support-mail.imap-password", "imap-secret-1")
                .config("rapport.channels.support-mail.smtp-host", "127.0.0.1")
                .config("rapport.channels.support-mail.smtp-port", Integer.toString(MAIL.getSmtp().getPort()))
                .config("rapport.channels.support-mail.from", "Rapport Support <" + SUPPORT + ">")
                .config("rapport.status-links.base-url", BASE)
                .config("rapport.events.poll-interval", "50ms"));
    }

    @StorageTest
    void theCustomerMailedTheLinkAnswersUnsatisfiedAndTheTicketIsReopenedWithTheirComment(TestDatabase db)
            throws Exception {
        try (var server = start(db)) {
            String agent = server.login("agent");
            String ticketId = mailedTicket(server, "first-1", "The invoice header is wrong.");
            var ticket = assigned(server, agent, ticketId);
            ticket = server.post("/api/v1/tickets/" + ticketId + "/progress", agent, Map.of("version",
                    ticket.version(), "action", "We are correcting the invoice header.", "visibility", "CUSTOMER"));
            ticket = server.post("/api/v1/tickets/" + ticketId + "/progress", agent, Map.of("version",
                    ticket.version(), "action", "Finance says the customer typed it wrong", "visibility",
                    "INTERNAL"));
            var resolved = server.post("/api/v1/tickets/" + ticketId + "/resolve", agent, Map.of("version",
                    ticket.version(), "solution", "Issued a corrected invoice.", "communicatedVia", "EMAIL"));
            assertThat(resolved.status()).as(resolved.raw().body()).isEqualTo(200);

            var link = mailedLink();
            String path = link.group(1);
            String token = link.group(2);
            var page = page(server, path, "en");
            var json = server.get("/api/v1/public/status/" + token, null);
            var answer = server.post("/api/v1/public/status/" + token + "/confirmation", null,
                    Map.of("opinion", "UNSATISFIED", "comment", "The tax number is still wrong."));
            var second = server.post("/api/v1/public/status/" + token + "/confirmation", null,
                    Map.of("opinion", "SATISFIED"));

            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("<html lang=\"en\">").contains("Issued a corrected invoice.")
                    .contains("We are correcting the invoice header.").doesNotContain("Finance says")
                    .contains("<label for=\"opinion-UNSATISFIED\">").contains("<label for=\"comment\">");
            assertThat(json.status()).isEqualTo(200);
            assertThat(json.text("/status")).isEqualTo("RESOLVED");
            assertThat(json.text("/solution")).isEqualTo("Issued a corrected invoice.");
            assertThat(json.body().at("/canConfirm").asBoolean()).isTrue();
            assertThat(json.body().at("/progress").findValuesAsText("action"))
                    .containsExactly("We are correcting the invoice header.");
            assertThat(json.body().at("/progress/0").fieldNames()).toIterable().containsExactly("at", "action");
            assertThat(answer.status()).isEqualTo(201);
            assertThat(answer.text("/status")).isEqualTo("REOPENED");
            assertThat(second.status()).isEqualTo(409);
            assertThat(second.raw().headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                    assertThat(type).startsWith("application/problem+json"));

            var after = server.get("/api/v1/tickets/" + ticketId, agent);
            assertThat(after.text("/status")).isEqualTo("REOPENED");
            assertThat(after.body().at("/confirmations/0/method").asText()).isEqualTo("ONLINE");
            var history = server.get("/api/v1/tickets/" + ticketId + "/history", agent);
            assertThat(history.raw().body()).contains("The tax number is still wrong.").contains("ticket.reopened")
                    .contains("customer:");
            for (String staffPath : List.of("/api/v1/tickets/" + ticketId, "/api/v1/tickets/" + ticketId + "/history",
                    "/api/v1/tickets/" + ticketId + "/messages", "/api/v1/tickets?limit=200",
                    "/api/v1/surveys?ticketId=" + ticketId)) {
                assertThat(server.get(staffPath, agent).raw().body()).as(staffPath).doesNotContain(token);
            }
        }
    }

    @StorageTest
    void theStatusApiAnswersAsApiMdSays(TestDatabase db) throws Exception {
        try (var server = start(db)) {
            String agent = server.login("agent");
            resolve(server, agent, mailedTicket(server, "second-2", "我的发票抬头错了。"));
            String token = mailedLink().group(2);
            String confirmation = "/api/v1/public/status/" + token + "/confirmation";

            var unknown = server.get("/api/v1/public/status/no-such-token", null);
            var unknownPage = page(server, "/status/no-such-token", null);
            var malformed = server.sendRaw("POST", confirmation, null, "{\"opinion\": ");
            var badOpinion = server.post(confirmation, null, Map.of("opinion", "MAYBE"));
            var noReason = server.post(confirmation, null, Map.of("opinion", "NEEDS_ADJUSTMENT"));
            var chinese = page(server, "/status/" + token, null);
            var refusedForm = form(server, confirmation, "lang=zh-CN&opinion=UNSATISFIED&comment=");
            var answered = form(server, confirmation, "lang=zh-CN&opinion=SATISFIED&comment=");
            var again = server.post(confirmation, null, Map.of("opinion", "SATISFIED"));

            assertThat(unknown.status()).isEqualTo(404);
            assertThat(unknownPage.statusCode()).isEqualTo(404);
            assertThat(malformed.status()).isEqualTo(400);
            assertThat(badOpinion.status()).isEqualTo(422);
            assertThat(badOpinion.body().at("/errors").findValuesAsText("field")).containsExactly("opinion");
            assertThat(noReason.status()).isEqualTo(422);
            assertThat(noReason.body().at("/errors").findValuesAsText("field")).containsExactly("comment");
            assertThat(chinese.statusCode()).as("the customer wrote in Chinese").isEqualTo(200);
            assertThat(chinese.body()).contains("<html lang=\"zh-CN\">").contains("已解决，等待您确认")
                    .contains("hreflang=\"en\"");
            assertThat(chinese.headers().firstValue("Cache-Control")).contains("no-store");
            assertEveryControlIsLabelled(parse(chinese.body()));
            assertThat(refusedForm.statusCode()).isEqualTo(422);
            assertThat(refusedForm.body()).contains("role=\"alert\"").contains("aria-invalid=\"true\"");
            assertThat(answered.statusCode()).isEqualTo(201);
            assertThat(answered.body()).contains("谢谢");
            assertThat(again.status()).isEqualTo(409);
            assertThat(page(server, "/status/" + token, "en").body()).contains("Closed")
                    .doesNotContain("<form");
        }
    }

    @StorageTest
    void anExpiredLinkAnswers410(TestDatabase db) throws Exception {
        try (var server = start(db)) {
            String agent = server.login("agent");
            resolve(server, agent, mailedTicket(server, "third-3", "The delivery is late."));
            String token = mailedLink().group(2);

            server.clock.advance(Duration.ofDays(14).plusMinutes(1));

            assertThat(server.get("/api/v1/public/status/" + token, null).status()).isEqualTo(410);
            assertThat(page(server, "/status/" + token, "en").statusCode()).isEqualTo(410);
            assertThat(server.post("/api/v1/public/status/" + token + "/confirmation", null,
                    Map.of("opinion", "SATISFIED")).status()).isEqualTo(410);
        }
    }

    /** Well-formed, with every radio and text control labelled by a label whose {@code for} names its unique id. */
    private static void assertEveryControlIsLabelled(Document html) throws Exception {
        var xpath = XPathFactory.newInstance().newXPath();
        var controls = (NodeList) xpath.evaluate("//input[@type!='hidden'] | //textarea", html, XPathConstants.NODESET);
        var ids = new java.util.ArrayList<String>();
        for (int i = 0; i < controls.getLength(); i++) {
            String id = ((Element) controls.item(i)).getAttribute("id");
            assertThat(id).as("control " + i + " has an id").isNotBlank();
            assertThat(xpath.evaluate("count(//label[@for='" + id + "'])", html)).as("labels for " + id).isEqualTo("1");
            assertThat(xpath.evaluate("normalize-space(//label[@for='" + id + "'])", html)).isNotBlank();
            ids.add(id);
        }
        assertThat(ids).doesNotHaveDuplicates().hasSize(3 + 1);
        assertThat(xpath.evaluate("count(//fieldset/legend)", html)).isEqualTo("1");
    }

    private static Document parse(String html) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
    }

    private String mailedTicket(TestServer server, String messageId, String body) throws Exception {
        send("""
                Message-ID: <%s@customer.example>
                From: Li Na <li.na@customer.example>
                To: support@rapport.example
                Subject: Invoice
                Content-Type: text/plain; charset=UTF-8

                %s
                """.formatted(messageId, body));
        return server.rapport.inbox().pollNow().getFirst().ticketId().orElseThrow().value();
    }

    /** The ticket assigned to the agent who is signed in with {@code agent}. */
    private static TestServer.Response assigned(TestServer server, String agent, String ticketId) {
        var ticket = server.get("/api/v1/tickets/" + ticketId, agent);
        var assigned = server.post("/api/v1/tickets/" + ticketId + "/assign", agent, Map.of("assigneeId",
                FlowOverHttpTest.userId(server, agent, "agent"), "version", ticket.version()));
        assertThat(assigned.status()).as(assigned.raw().body()).isEqualTo(200);
        return assigned;
    }

    private static void resolve(TestServer server, String agent, String ticketId) {
        var ticket = assigned(server, agent, ticketId);
        ticket = server.post("/api/v1/tickets/" + ticketId + "/progress", agent, Map.of("version",
                ticket.version(), "action", "Looking into it", "visibility", "INTERNAL"));
        var resolved = server.post("/api/v1/tickets/" + ticketId + "/resolve", agent, Map.of("version",
                ticket.version(), "solution", "Fixed it.", "communicatedVia", "EMAIL"));
        assertThat(resolved.status()).as(resolved.raw().body()).isEqualTo(200);
    }

    /** The status link in the latest mail to the customer that has one, once it arrived. */
    private static Matcher mailedLink() throws InterruptedException {
        Eventually.until("a status link mailed to the customer", () -> !links().isEmpty());
        return links().getLast();
    }

    private static List<Matcher> links() {
        return Arrays.stream(MAIL.getReceivedMessages()).filter(m -> recipients(m).contains(CUSTOMER))
                .map(CustomerStatusOverHttpTest::text).map(LINK::matcher).filter(Matcher::find).toList();
    }

    private static String text(MimeMessage message) {
        try {
            var content = message.getContent();
            return content instanceof String s ? s : GreenMailUtil.getBody(message);
        } catch (Exception e) {
            return GreenMailUtil.getBody(message);
        }
    }

    private static HttpResponse<String> page(TestServer server, String path, String language) {
        var request = HttpRequest.newBuilder(server.uri(path)).GET();
        if (language != null) {
            request.header("Accept-Language", language);
        }
        return server.exchangeText(request.build());
    }

    private static HttpResponse<String> form(TestServer server, String path, String body) {
        return server.exchangeText(HttpRequest.newBuilder(server.uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private void send(String rfc822) throws Exception {
        int expected = MAIL.getReceivedMessages().length + 1;
        var message = new MimeMessage(session, new ByteArrayInputStream(
                rfc822.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8)));
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect("127.0.0.1", MAIL.getSmtp().getPort(), null, null);
            transport.sendMessage(message, new InternetAddress[]{new InternetAddress(SUPPORT)});
        }
        assertThat(MAIL.waitForIncomingEmail(5_000, expected)).isTrue();
    }

    private static String recipients(MimeMessage message) {
        try {
            return Arrays.toString(message.getRecipients(Message.RecipientType.TO));
        } catch (Exception e) {
            return "";
        }
    }
}
