package dev.rapport.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rapport.storage.jdbc.testing.StorageTest;
import dev.rapport.storage.jdbc.testing.TestDatabase;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** API.md "Channels": the public web form and a signed chat webhook open tickets; bad requests open nothing. */
class ChannelsOverHttpTest {
    private static final String CHAT_SECRET = "a-long-shared-chat-secret";
    private final ObjectMapper mapper = new ObjectMapper();

    private static TestServer start(TestDatabase db) {
        return new TestServer(db, ChannelsOverHttpTest::configure);
    }

    private static dev.rapport.core.RapportBuilder configure(dev.rapport.core.RapportBuilder builder) {
        return builder
                .config("rapport.channels.team-chat.type", "chat-webhook")
                .config("rapport.channels.team-chat.secret", CHAT_SECRET)
                .config("rapport.channels.team-chat.reply-url", "http://127.0.0.1:9/replies")
                .config("rapport.channels.webform.rate-limit", "3");
    }

    @StorageTest
    void aWebFormPostOpensATicketOnceAndItsMessageIsOnTheTicket(TestDatabase db) throws Exception {
        try (var server = start(db)) {
            var form = Map.of("name", "王芳", "email", "wang.fang@example.cn", "subject", "发票抬头错误",
                    "message", "上个月的发票抬头写错了，请重开。");

            var first = postForm(server, form);
            var again = postForm(server, form);

            assertThat(first.status()).isEqualTo(202);
            assertThat(first.text("/ticketNumber")).matches("T\\d{10}");
            assertThat(first.text("/outcome")).isEqualTo("OPENED");
            assertThat(again.status()).isEqualTo(202);
            assertThat(again.text("/outcome")).isEqualTo("OPENED");
            assertThat(again.text("/ticketNumber")).isEqualTo(first.text("/ticketNumber"));
            String supervisor = server.login("supervisor");
            var tickets = server.get("/api/v1/tickets?limit=100", supervisor).body().at("/items");
            var opened = findByNumber(tickets, first.text("/ticketNumber"));
            assertThat(opened.get("channel").asText()).isEqualTo("WEB");
            var messages = server.get("/api/v1/tickets/" + opened.get("id").asText() + "/messages", supervisor);
            assertThat(messages.body().at("/items/0/body").asText()).isEqualTo("上个月的发票抬头写错了，请重开。");
            assertThat(messages.body().at("/items/0/direction").asText()).isEqualTo("INBOUND");
        }
    }

    @StorageTest
    void aWebFormPostJoinsNoTicketAndNoCustomerWhateverItClaimsAndIsAnsweredAlike(TestDatabase db) {
        try (var server = start(db)) {
            String supervisor = server.login("supervisor");
            String customerId = server.get("/api/v1/customers?q=Northwind", supervisor).text("/items/0/id");
            var customer = server.get("/api/v1/customers/" + customerId, supervisor);
            String email = customer.text("/contacts/0/email");
            assertThat(email).contains("@");
            var theirs = server.post("/api/v1/tickets", supervisor, Map.of("customerId", customerId,
                    "type", "CONSULTATION", "priority", "P3", "description", "Invoice address is wrong"));
            assertThat(theirs.status()).isEqualTo(201);
            int before = ticketCount(server, supervisor);

            var claimed = postForm(server, Map.of("email", email,
                    "subject", "Re: [#" + theirs.text("/number") + "]", "message", "Cancel my order, send it to me"));
            var unknown = postForm(server, Map.of("email", "nobody@example.org",
                    "subject", "Re: [#T2026999999]", "message", "Is this one there?"));

            for (var answer : List.of(claimed, unknown)) {
                assertThat(answer.status()).isEqualTo(202);
                assertThat(answer.text("/outcome")).isEqualTo("OPENED");
                assertThat(answer.body().fieldNames()).toIterable().containsExactly("ticketNumber", "outcome");
                assertThat(answer.text("/ticketNumber")).matches("T\\d{10}").isNotEqualTo(theirs.text("/number"));
            }
            assertThat(ticketCount(server, supervisor)).isEqualTo(before + 2);
            var messages = server.get("/api/v1/tickets/" + theirs.text("/id") + "/messages", supervisor);
            assertThat(messages.body().at("/items").size()).isZero();
            assertThat(server.get("/api/v1/tickets/" + theirs.text("/id"), supervisor).version())
                    .isEqualTo(theirs.version());
            var opened = findByNumber(server.get("/api/v1/tickets?limit=200", supervisor).body().at("/items"),
                    claimed.text("/ticketNumber"));
            String newCustomer = opened.get("customerId").asText();
            assertThat(newCustomer).isNotEqualTo(customerId);
            assertThat(server.get("/api/v1/customers/" + newCustomer, supervisor).body().get("needsCompletion")
                    .asBoolean()).isTrue();
            var matches = server.get("/api/v1/customers/" + newCustomer + "/matches", supervisor);
            assertThat(matches.status()).isEqualTo(200);
            assertThat(matches.body().at("/items").findValuesAsText("id")).containsExactly(customerId);
            assertThat(server.get("/api/v1/customers/" + customerId, supervisor).text("/mergedInto"))
                    .isIn("", "null");
        }
    }

    @StorageTest
    void aBadWebFormIsRefusedNamingItsFieldsAndAnAddressIsRateLimited(TestDatabase db) {
        try (var server = start(db)) {
            String supervisor = server.login("supervisor");
            int before = ticketCount(server, supervisor);

            var refused = postForm(server, Map.of("subject", "x".repeat(300)));
            postForm(server, Map.of("email", "a@example.cn", "message", "one"));
            postForm(server, Map.of("email", "a@example.cn", "message", "two"));
            var limited = postForm(server, Map.of("email", "a@example.cn", "message", "3"));

            assertThat(refused.status()).isEqualTo(422);
            assertThat(refused.body().at("/errors").findValuesAsText("field"))
                    .contains("message", "email", "subject");
            assertThat(limited.status()).isEqualTo(429);
            assertThat(limited.raw().headers().firstValue("Retry-After")).isPresent();
            assertThat(ticketCount(server, supervisor)).isEqualTo(before + 2);
        }
    }

    @StorageTest
    void aCustomerTheWebFormCreatesIsNamedWithoutItsContactDataForEveryRole(TestDatabase db) {
        try (var server = start(db)) {
            var byPhone = postForm(server, Map.of("phone", "139 1234 5670",
                    "message", "Where is my parcel?"));
            var byAddress = postForm(server, Map.of("name", "zhou.min@example.cn",
                    "email", "zhou.min@example.cn", "message", "Please call me back."));
            String supervisor = server.login("supervisor");
            String expert = server.login("expert");
            var tickets = server.get("/api/v1/tickets?limit=200", supervisor).body().at("/items");
            String phoneCustomer = findByNumber(tickets, byPhone.text("/ticketNumber")).get("customerId").asText();
            String mailCustomer = findByNumber(tickets, byAddress.text("/ticketNumber")).get("customerId").asText();

            for (String token : new String[] {supervisor, expert}) {
                var first = server.get("/api/v1/customers/" + phoneCustomer, token);
                var second = server.get("/api/v1/customers/" + mailCustomer, token);
                assertThat(first.text("/name")).isEqualTo("Web form 2026-11-23 · 139****5670");
                assertThat(first.text("/contacts/0/name")).isEqualTo("Web form 2026-11-23 · 139****5670");
                assertThat(second.text("/name")).isEqualTo("Web form 2026-11-23 · z***@example.cn");
                assertThat(first.body().get("needsCompletion").asBoolean()).isTrue();
            }
            var searched = server.get("/api/v1/customers?q=" + "Web%20form", expert);
            assertThat(searched.body().at("/items").findValuesAsText("id")).contains(phoneCustomer, mailCustomer);
            assertThat(searched.raw().body()).doesNotContain("13912345670", "1234 5670", "zhou.min");
            assertThat(server.get("/api/v1/customers?q=zhou.min", expert).raw().body()).doesNotContain("zhou.min@");
            assertThat(server.get("/api/v1/customers/" + phoneCustomer + "/timeline", expert).raw().body())
                    .doesNotContain("13912345670", "1234 5670");
        }
    }

    @StorageTest
    void aSignedChatMessageOpensATicketAndABadSignatureIsRefusedCreatingNothing(TestDatabase db) throws Exception {
        try (var server = start(db)) {
            String supervisor = server.login("supervisor");
            int before = ticketCount(server, supervisor);
            byte[] event = mapper.writeValueAsBytes(Map.of("type", "message", "messageId", "m-1",
                    "conversationId", "c-42", "sender", Map.of("id", "U024BE7LH", "name", "Li Na"),
                    "text", "My order has not arrived."));
            long now = server.clock.instant().getEpochSecond();

            var forged = server.exchange(chat(server, event, now, sign("not-the-secret-at-all", now, event)));
            var signed = server.exchange(chat(server, event, now, sign(CHAT_SECRET, now, event)));

            assertThat(forged.status()).isEqualTo(401);
            assertThat(signed.status()).isEqualTo(202);
            assertThat(signed.text("/outcome")).isEqualTo("OPENED");
            assertThat(ticketCount(server, supervisor)).isEqualTo(before + 1);
            assertThat(server.post("/api/v1/public/channels/no-such-channel", null, Map.of()).status()).isEqualTo(404);
        }
    }

    @StorageTest
    void onlyJsonFromTheServersOwnPagesWithTheProofOfWorkAndAnEmptyHoneypotIsTaken(TestDatabase db) {
        try (var server = start(db)) {
            String supervisor = server.login("supervisor");
            int before = ticketCount(server, supervisor);
            String message = "Where is my parcel?";
            String proof = WebFormProof.of(message, LocalDate.ofInstant(server.clock.instant(), ZoneOffset.UTC));
            String json = "{\"email\":\"li.na@example.cn\",\"message\":\"" + message + "\",\"proof\":\"" + proof
                    + "\"%s}";
            String own = "http://localhost:" + server.server.port();

            var plainText = server.exchange(formPost(server, "text/plain", json.formatted("")).build());
            var otherOrigin = server.exchange(formPost(server, "application/json", json.formatted(""))
                    .header("Origin", "https://attacker.example").build());
            var nullOrigin = server.exchange(formPost(server, "application/json", json.formatted(""))
                    .header("Origin", "null").build());
            var crossSite = server.exchange(formPost(server, "application/json", json.formatted(""))
                    .header("Sec-Fetch-Site", "cross-site").build());
            var withoutProof = server.exchange(formPost(server, "application/json",
                    json.replace(",\"proof\":\"" + proof + "\"", "").formatted("")).build());
            var honeypot = server.exchange(formPost(server, "application/json",
                    json.formatted(",\"website\":\"https://cheap-pills.example\"")).build());
            assertThat(ticketCount(server, supervisor)).isEqualTo(before);
            var ownPage = server.exchange(formPost(server, "application/json; charset=utf-8", json.formatted(""))
                    .header("Origin", own).header("Sec-Fetch-Site", "same-origin").build());

            assertThat(plainText.status()).isEqualTo(415);
            assertThat(otherOrigin.status()).isEqualTo(403);
            assertThat(otherOrigin.text("/code")).isEqualTo("public.cross-origin");
            assertThat(nullOrigin.status()).isEqualTo(403);
            assertThat(crossSite.status()).isEqualTo(403);
            assertThat(withoutProof.status()).isEqualTo(422);
            assertThat(withoutProof.body().at("/errors").findValuesAsText("field")).containsExactly("proof");
            assertThat(honeypot.status()).isEqualTo(422);
            assertThat(honeypot.body().at("/errors").findValuesAsText("field")).containsExactly("website");
            assertThat(ownPage.status()).isEqualTo(202);
            assertThat(ticketCount(server, supervisor)).isEqualTo(before + 1);
        }
    }

    @StorageTest
    void theRateLimitOfAnAddressHoldsAcrossNodes(TestDatabase db) {
        try (var first = start(db); var second = TestServer.nextTo(first, ChannelsOverHttpTest::configure)) {
            var answers = List.of(postForm(first, Map.of("email", "a@example.cn", "message", "one")),
                    postForm(second, Map.of("email", "a@example.cn", "message", "two")),
                    postForm(first, Map.of("email", "a@example.cn", "message", "three")),
                    postForm(second, Map.of("email", "a@example.cn", "message", "four")));

            assertThat(answers).extracting(TestServer.Response::status).containsExactly(202, 202, 202, 429);
            assertThat(answers.get(3).raw().headers().firstValue("Retry-After")).isPresent();
        }
    }

    private static HttpRequest.Builder formPost(TestServer server, String contentType, String body) {
        return HttpRequest.newBuilder(server.uri("/api/v1/public/webform")).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    /** Posts the form as the server's own page does: as JSON, with the proof of work for its message. */
    static TestServer.Response postForm(TestServer server, Map<String, ?> form) {
        var body = new LinkedHashMap<String, Object>(form);
        if (form.get("message") instanceof String message) {
            body.put("proof", WebFormProof.of(message.strip(), LocalDate.ofInstant(server.clock.instant(), ZoneOffset.UTC)));
        }
        return server.post("/api/v1/public/webform", null, body);
    }

    private static HttpRequest chat(TestServer server, byte[] body, long timestamp, String signature) {
        return HttpRequest.newBuilder(server.uri("/api/v1/public/channels/team-chat"))
                .header("Content-Type", "application/json")
                .header("X-Rapport-Timestamp", Long.toString(timestamp))
                .header("X-Rapport-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    }

    private static String sign(String secret, long timestamp, byte[] body) throws Exception {
        var mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
    }

    private static com.fasterxml.jackson.databind.JsonNode findByNumber(com.fasterxml.jackson.databind.JsonNode items,
                                                                         String number) {
        for (var item : items) {
            if (item.get("number").asText().equals(number)) {
                return item;
            }
        }
        throw new AssertionError("no ticket " + number + " in " + items);
    }

    private static int ticketCount(TestServer server, String token) {
        return server.get("/api/v1/tickets?limit=200", token).body().at("/items").size();
    }
}
