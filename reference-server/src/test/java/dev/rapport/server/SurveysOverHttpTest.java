package dev.rapport.server;

import dev.rapport.api.security.Actor;
import dev.rapport.api.survey.Survey;
import dev.rapport.api.survey.SurveyState;
import dev.rapport.api.ticket.AddProgress;
import dev.rapport.api.ticket.AssignTicket;
import dev.rapport.api.ticket.CommunicationMethod;
import dev.rapport.api.ticket.ConfirmResolution;
import dev.rapport.api.ticket.OpenTicket;
import dev.rapport.api.ticket.Opinion;
import dev.rapport.api.ticket.Priority;
import dev.rapport.api.ticket.ResolveTicket;
import dev.rapport.api.ticket.Ticket;
import dev.rapport.api.ticket.Visibility;
import dev.rapport.api.PageRequest;
import dev.rapport.storage.jdbc.testing.StorageTest;
import dev.rapport.storage.jdbc.testing.TestDatabase;
import dev.rapport.testkit.Eventually;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** API.md's surveys over real HTTP: agents read a ticket's surveys; customers answer once by JSON or the HTML form. */
class SurveysOverHttpTest {
    private static final String CHAT_SECRET = "a-long-shared-chat-secret";
    private static final Map<String, Object> GOOD = Map.of("responseSpeed", 5, "resolution", 4, "attitude", 5,
            "overall", 5, "recommend", 9, "comment", "Quick and friendly");

    @StorageTest
    void aClosedTicketsSurveyIsListedForItsReadersWithItsStateButNeverItsLink(TestDatabase db) throws Exception {
        try (var server = new TestServer(db)) {
            String agent = server.login("agent");
            var ticket = closedTicket(server);
            var survey = invited(server, ticket);

            var listed = server.get("/api/v1/surveys?ticketId=" + ticket.id(), agent);

            assertThat(listed.status()).isEqualTo(200);
            assertThat(listed.body().at("/items").size()).isEqualTo(1);
            assertThat(listed.text("/items/0/id")).isEqualTo(survey.id().value());
            assertThat(listed.text("/items/0/state")).isEqualTo("INVITED");
            assertThat(listed.text("/items/0/ticketNumber")).isEqualTo(ticket.number());
            assertThat(listed.text("/items/0/provider")).isEqualTo("link");
            assertThat(listed.body().at("/items/0/link").isMissingNode() || listed.body().at("/items/0/link").isNull())
                    .isTrue();
            assertThat(listed.raw().body()).doesNotContain("\"token\"").doesNotContain("/survey/")
                    .doesNotContain(token(survey));
            assertThat(server.get("/api/v1/surveys?ticketId=" + ticket.id(), null).status()).isEqualTo(401);
            // A ticket the expert may not see is answered as if it did not exist.
            assertThat(server.get("/api/v1/surveys?ticketId=" + ticket.id(), server.login("expert")).status())
                    .isEqualTo(404);
            assertThat(server.get("/api/v1/surveys", agent).body().at("/errors/0/field").asText()).isEqualTo("ticketId");
            assertThat(server.get("/api/v1/surveys?ticketId=nothing", agent).status()).isEqualTo(404);
            var noChannel = server.post("/api/v1/surveys/" + survey.id().value() + "/resend", agent, Map.of());
            assertThat(noChannel.status()).isEqualTo(409);
            assertThat(noChannel.text("/code")).isEqualTo("survey.no-channel");
        }
    }

    @StorageTest
    void aLinkSentThroughTheChannelIsHiddenInTheConversationStaffRead(TestDatabase db) throws Exception {
        try (var server = new TestServer(db, builder -> builder
                .config("rapport.channels.team-chat.type", "chat-webhook")
                .config("rapport.channels.team-chat.secret", CHAT_SECRET)
                .config("rapport.channels.team-chat.reply-url", "http://127.0.0.1:9/replies"))) {
            byte[] event = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsBytes(Map.of("type", "message",
                    "messageId", "m-7", "conversationId", "c-7", "sender", Map.of("id", "U7", "name", "Li Na"),
                    "text", "Which delivery slots are free?"));
            long now = server.clock.instant().getEpochSecond();
            var mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(CHAT_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((now + ".").getBytes(StandardCharsets.UTF_8));
            String signature = "sha256=" + java.util.HexFormat.of().formatHex(mac.doFinal(event));
            var posted = server.exchange(HttpRequest.newBuilder(server.uri("/api/v1/public/channels/team-chat"))
                    .header("Content-Type", "application/json").header("X-Rapport-Timestamp", Long.toString(now))
                    .header("X-Rapport-Signature", signature)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(event)).build());
            var opened = server.rapport.tickets().list(Actor.system(), dev.rapport.api.ticket.TicketFilter.all(),
                    PageRequest.first(200)).items().stream()
                    .filter(t -> t.number().equals(posted.text("/ticketNumber"))).findFirst().orElseThrow();
            var survey = invited(server, close(server, opened));
            String link = survey.link().orElseThrow().toString();
            String agent = server.login("agent");

            var messages = server.get("/api/v1/tickets/" + opened.id() + "/messages", agent);
            var listed = server.get("/api/v1/surveys?ticketId=" + opened.id(), agent);

            assertThat(survey.channel()).contains("team-chat");
            assertThat(messages.status()).isEqualTo(200);
            assertThat(messages.body().at("/items").findValuesAsText("direction")).contains("OUTBOUND");
            assertThat(messages.raw().body()).doesNotContain(link).doesNotContain(token(survey))
                    .contains("[survey link sent to the customer]");
            assertThat(listed.text("/items/0/channel")).isEqualTo("team-chat");
            assertThat(listed.raw().body()).doesNotContain(token(survey));

            var resent = server.post("/api/v1/surveys/" + survey.id().value() + "/resend", agent, Map.of());
            var again = server.get("/api/v1/tickets/" + opened.id() + "/messages", agent);

            assertThat(resent.status()).isEqualTo(200);
            assertThat(resent.raw().body()).doesNotContain(token(survey));
            assertThat(again.body().at("/items").findValuesAsText("body"))
                    .filteredOn(body -> body.contains("[survey link sent to the customer]")).hasSize(2);
            assertThat(again.raw().body()).doesNotContain(token(survey));
            assertThat(server.post("/api/v1/surveys/" + survey.id().value() + "/resend", server.login("expert"),
                    Map.of()).status()).as("the ticket is out of the expert's sight").isEqualTo(404);
        }
    }

    @StorageTest
    void theAnswerIsTakenOnceAsJsonWithEveryRefusalItsStatus(TestDatabase db) throws Exception {
        try (var server = new TestServer(db)) {
            String token = token(invited(server, closedTicket(server)));
            String path = "/api/v1/public/surveys/" + token;

            var outOfRange = server.post(path, null, Map.of("responseSpeed", 0, "resolution", 6, "attitude", 3,
                    "overall", 3, "recommend", 11));
            var missing = server.post(path, null, Map.of("responseSpeed", 3));
            var answered = server.post(path, null, GOOD);
            var again = server.post(path, null, GOOD);
            var unknown = server.post("/api/v1/public/surveys/" + token + "x", null, GOOD);

            assertThat(outOfRange.status()).isEqualTo(422);
            assertThat(outOfRange.body().at("/errors").findValuesAsText("field"))
                    .containsExactly("responseSpeed", "resolution", "recommend");
            assertThat(missing.body().at("/errors").findValuesAsText("field"))
                    .containsExactly("resolution", "attitude", "overall", "recommend");
            assertThat(answered.status()).isEqualTo(201);
            assertThat(answered.text("/state")).isEqualTo("ANSWERED");
            assertThat(answered.body().fieldNames()).toIterable()
                    .containsExactlyInAnyOrder("ticketNumber", "state", "expiresAt", "locale");
            assertThat(again.status()).isEqualTo(409);
            assertThat(again.raw().headers().firstValue("Content-Type")).contains("application/problem+json");
            assertThat(again.text("/code")).isEqualTo("survey.answered");
            assertThat(unknown.status()).isEqualTo(404);
        }
    }

    @StorageTest
    void anExpiredSurveyIsGoneForTheApiAndThePage(TestDatabase db) throws Exception {
        try (var server = new TestServer(db)) {
            String token = token(invited(server, closedTicket(server)));
            server.clock.advance(Duration.ofDays(15));

            var answer = server.post("/api/v1/public/surveys/" + token, null, GOOD);
            var page = page(server, "/survey/" + token + "?lang=en", null);

            assertThat(answer.status()).isEqualTo(410);
            assertThat(answer.text("/code")).isEqualTo("survey.expired");
            assertThat(page.statusCode()).isEqualTo(410);
            assertThat(page.body()).contains("This survey has closed");
        }
    }

    @StorageTest
    void thePageShowsTimesInTheSdksBusinessZone(TestDatabase db) throws Exception {
        var newYork = ZoneId.of("America/New_York");
        try (var server = new TestServer(db, builder -> builder.zone(newYork))) {
            var survey = invited(server, closedTicket(server));

            var page = page(server, "/survey/" + token(survey) + "?lang=en", null);

            String until = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm xxx").withZone(newYork)
                    .format(survey.expiresAt());
            assertThat(until).endsWith("-05:00");
            assertThat(page.body()).contains(until);
        }
    }

    @StorageTest
    void theFormIsAccessibleHtmlInBothLanguagesWithALabelForEveryControl(TestDatabase db) throws Exception {
        try (var server = new TestServer(db)) {
            var ticket = closedTicket(server);
            String token = token(invited(server, ticket));

            var english = page(server, "/survey/" + token + "?lang=en", "zh-CN,zh;q=0.9");
            var chinese = page(server, "/survey/" + token, "zh-TW,zh;q=0.9,en;q=0.5");
            var byBrowser = page(server, "/survey/" + token, "en-GB,en;q=0.8");

            for (var page : List.of(english, chinese, byBrowser)) {
                assertThat(page.statusCode()).isEqualTo(200);
                assertThat(page.headers().firstValue("Content-Type")).contains("text/html; charset=utf-8");
                assertThat(page.headers().firstValue("Referrer-Policy")).contains("no-referrer");
                var html = parse(page.body());
                assertEveryControlIsLabelled(html);
                var fieldsets = nodes(html, "//fieldset");
                assertThat(fieldsets.getLength()).isEqualTo(5);
                for (int i = 0; i < fieldsets.getLength(); i++) {
                    var fieldset = (Element) fieldsets.item(i);
                    assertThat(text(fieldset, "legend")).isNotBlank();
                    assertThat(nodes(fieldset, ".//input[@type='radio']").getLength()).isEqualTo(i < 4 ? 5 : 11);
                }
                assertThat(nodes(html, "//form[@method='post']/@action").item(0).getNodeValue())
                        .isEqualTo("/api/v1/public/surveys/" + token);
                assertThat(page.body()).contains(ticket.number()).doesNotContain("src=").doesNotContain("<script")
                        .doesNotContain("http://").doesNotContain("https://")
                        .doesNotContain("zhou.jing").doesNotContain("13700002222");
            }
            assertThat(attribute(parse(english.body()), "/html/@lang")).isEqualTo("en");
            assertThat(english.body()).contains("How quickly were you served?");
            assertThat(attribute(parse(chinese.body()), "/html/@lang")).isEqualTo("zh-CN");
            assertThat(chinese.body()).contains("我们的响应速度如何？");
            assertThat(attribute(parse(byBrowser.body()), "/html/@lang")).isEqualTo("en");
            assertThat(page(server, "/survey/" + token + "x?lang=en", null).statusCode()).isEqualTo(404);
        }
    }

    @StorageTest
    void theFormPostsItsAnswerAndGetsAThankYouPageOrItsErrorsBack(TestDatabase db) throws Exception {
        try (var server = new TestServer(db)) {
            var ticket = closedTicket(server);
            String token = token(invited(server, ticket));
            String path = "/api/v1/public/surveys/" + token;

            var incomplete = form(server, path, "lang=en&responseSpeed=4&comment=" + encode("快 & good"));
            var thanks = form(server, path,
                    "lang=zh-CN&responseSpeed=4&resolution=5&attitude=5&overall=4&recommend=8&comment=" + encode("很好"));
            var again = form(server, path, "lang=en&responseSpeed=4&resolution=5&attitude=5&overall=4&recommend=8");
            var page = page(server, "/survey/" + token + "?lang=en", null);

            assertThat(incomplete.statusCode()).isEqualTo(422);
            var refused = parse(incomplete.body());
            assertEveryControlIsLabelled(refused);
            assertThat(nodes(refused, "//div[@role='alert']//li").getLength()).isEqualTo(4);
            assertThat(attribute(refused, "//input[@id='responseSpeed-4']/@checked")).isEqualTo("checked");
            assertThat(text((Element) nodes(refused, "//textarea").item(0), ".")).isEqualTo("快 & good");
            assertThat(nodes(refused, "//fieldset[@id='resolution']/p[@class='error']").getLength()).isEqualTo(1);
            assertThat(thanks.statusCode()).isEqualTo(201);
            assertThat(thanks.body()).contains("感谢您的评价").contains(ticket.number());
            assertThat(again.statusCode()).isEqualTo(409);
            assertThat(again.body()).contains("Already answered");
            assertThat(page.statusCode()).isEqualTo(409);
            var stored = server.rapport.surveys().ofTicket(Actor.system(), ticket.id()).getFirst();
            assertThat(stored.answer().orElseThrow().comment()).contains("很好");
        }
    }

    /** Takes an open ticket to closure through the SDK. */
    private static Ticket close(TestServer server, Ticket ticket) {
        var system = Actor.system();
        var tickets = server.rapport.tickets();
        var agent = server.rapport.users().list(system, PageRequest.first(50)).items().stream()
                .filter(u -> u.employeeId().equals("agent")).findFirst().orElseThrow();
        ticket = tickets.assign(system, ticket.id(), AssignTicket.to(agent.id(), ticket.version()));
        ticket = tickets.addProgress(system, ticket.id(), AddProgress.note("Sent the slots", Visibility.INTERNAL,
                ticket.version()));
        ticket = tickets.resolve(system, ticket.id(), new ResolveTicket(ticket.version(), "Slots sent",
                CommunicationMethod.EMAIL));
        return tickets.confirm(system, ticket.id(), new ConfirmResolution(ticket.version(), Opinion.SATISFIED,
                Optional.of(CommunicationMethod.EMAIL), Optional.empty()));
    }

    /** Opens a ticket for a demo customer and takes it to closure through the SDK. */
    static Ticket closedTicket(TestServer server) {
        var system = Actor.system();
        var tickets = server.rapport.tickets();
        var customer = server.rapport.customers().search(system, "海川", PageRequest.first(1)).items().getFirst();
        var agent = server.rapport.users().list(system, PageRequest.first(50)).items().stream()
                .filter(u -> u.employeeId().equals("agent")).findFirst().orElseThrow();
        var ticket = tickets.open(system, OpenTicket.builder().customer(customer.id()).type("CONSULTATION")
                .priority(Priority.P4).title("Delivery slots")
                .description("Which delivery slots are free next week?").build());
        ticket = tickets.assign(system, ticket.id(), AssignTicket.to(agent.id(), ticket.version()));
        ticket = tickets.addProgress(system, ticket.id(), AddProgress.note("Sent the slots", Visibility.CUSTOMER,
                ticket.version()));
        ticket = tickets.resolve(system, ticket.id(), new ResolveTicket(ticket.version(), "Slots sent",
                CommunicationMethod.EMAIL));
        return tickets.confirm(system, ticket.id(), new ConfirmResolution(ticket.version(), Opinion.SATISFIED,
                Optional.of(CommunicationMethod.EMAIL), Optional.empty()));
    }

    static Survey invited(TestServer server, Ticket ticket) {
        return Eventually.value("the survey of " + ticket.number() + " invited", () ->
                server.rapport.surveys().ofTicket(Actor.system(), ticket.id()).stream().findFirst()
                        .filter(survey -> survey.state() == SurveyState.INVITED));
    }

    static String token(Survey survey) {
        String path = survey.link().orElseThrow().getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static HttpResponse<String> page(TestServer server, String path, String acceptLanguage) {
        var request = HttpRequest.newBuilder(server.uri(path)).GET();
        if (acceptLanguage != null) {
            request.header("Accept-Language", acceptLanguage);
        }
        return server.exchangeText(request.build());
    }

    private static HttpResponse<String> form(TestServer server, String path, String body) {
        return server.exchangeText(HttpRequest.newBuilder(server.uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** Every radio and text control has a label whose {@code for} names its id, and ids are unique. */
    private static void assertEveryControlIsLabelled(Document html) throws Exception {
        var controls = nodes(html, "//input[@type!='hidden'] | //textarea | //select");
        var ids = new ArrayList<String>();
        for (int i = 0; i < controls.getLength(); i++) {
            String id = ((Element) controls.item(i)).getAttribute("id");
            assertThat(id).as("control " + i + " has an id").isNotBlank();
            assertThat(nodes(html, "//label[@for='" + id + "']").getLength()).as("labels for " + id).isEqualTo(1);
            assertThat(text((Element) nodes(html, "//label[@for='" + id + "']").item(0), ".")).isNotBlank();
            ids.add(id);
        }
        assertThat(ids).doesNotHaveDuplicates().hasSize(5 * 4 + 11 + 1);
    }

    private static Document parse(String html) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
    }

    private static NodeList nodes(Object context, String xpath) throws Exception {
        return (NodeList) XPathFactory.newInstance().newXPath().evaluate(xpath, context, XPathConstants.NODESET);
    }

    private static String text(Element context, String xpath) throws Exception {
        return XPathFactory.newInstance().newXPath().evaluate(xpath, context);
    }

    private static String attribute(Document html, String xpath) throws Exception {
        return XPathFactory.newInstance().newXPath().evaluate(xpath, html);
    }
}
