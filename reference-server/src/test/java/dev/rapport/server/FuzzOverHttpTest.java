package dev.rapport.server;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rapport.api.PageRequest;
import dev.rapport.api.followup.FollowUpFilter;
import dev.rapport.api.improvement.ImprovementFilter;
import dev.rapport.api.security.Actor;
import dev.rapport.api.ticket.TicketFilter;
import dev.rapport.server.demo.DemoData;
import dev.rapport.storage.jdbc.testing.TestDatabase;
import dev.rapport.testkit.LogCapture;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No input gets a 5xx: generated requests to every route the server registers (listed by {@link RouteCatalog}, so a
 * new endpoint is fuzzed without touching this test), with malformed, mistyped, extreme and oversized bodies, path
 * ids and query parameters, as each demo role and without a token, on H2 and on PostgreSQL. Each answer must be below
 * 500; every error of the API is problem+json; a refused request leaves the database as it was and logs no stack
 * trace. The requests that once broke something are kept in {@code fuzz-corpus.jsonl} and replayed first.
 *
 * <p>A failure prints the request as a corpus line: add it to the corpus when fixing the cause.
 */
class FuzzOverHttpTest {
    private static final int TRIES = 250;
    private static final int PROLOGUE_LIMIT = 4_000;
    private static final List<String> ROLES = List.of("none", "admin", "supervisor", "agent", "expert", "manager");
    private static final ObjectMapper JSON = new ObjectMapper()
            // Lone surrogates survive only as JSON escapes; everything else non-ASCII too, harmlessly.
            .enable(JsonGenerator.Feature.ESCAPE_NON_ASCII);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static final Map<TestDatabase, Target> TARGETS = new EnumMap<>(TestDatabase.class);
    private static List<RouteCatalog.Route> routes;
    private static LogCapture log;
    private static final AtomicInteger LOGINS = new AtomicInteger();
    /** How often each status was answered, printed at the end: a run of only 401s would have tested little. */
    private static final Map<Integer, Integer> STATUSES = new ConcurrentSkipListMap<>();

    /** One server under test, its demo users' tokens and the ids of its demo data. */
    private static final class Target {
        final TestServer server;
        final Map<String, String> tokens = new HashMap<>();
        final Map<String, String> ids = new LinkedHashMap<>();

        Target(TestDatabase db) {
            server = TestServer.demo(db);
            ROLES.stream().filter(r -> !r.equals("none")).forEach(this::login);
            var system = Actor.system();
            var rapport = server.rapport;
            ids.put("ticket", rapport.tickets().list(system, TicketFilter.all(), PageRequest.first(1)).items()
                    .getFirst().id().value());
            ids.put("customer", rapport.customers().search(system, "", PageRequest.first(1)).items().getFirst().id()
                    .value());
            ids.put("follow-up", rapport.followUps().list(system, FollowUpFilter.all(), PageRequest.first(1)).items()
                    .getFirst().id().value());
            ids.put("improvement", rapport.improvements().list(system, ImprovementFilter.all(), PageRequest.first(1))
                    .items().getFirst().id().value());
            ids.put("user", rapport.users().list(system, PageRequest.first(1)).items().getFirst().id().value());
            ids.put("department", "after-sales");
        }

        /**
         * Logs in through the SDK, each time from another address, so that the fuzz's own failed logins (which the
         * login throttle counts per address) never lock the test out; a deactivated or locked user stays without.
         */
        void login(String role) {
            try {
                tokens.put(role, server.rapport.authentication().login(role, DemoData.PASSWORD,
                        "fuzz-" + LOGINS.incrementAndGet()).token());
            } catch (RuntimeException e) {
                tokens.remove(role);
            }
        }
    }

    @BeforeContainer
    static void startServers() {
        log = LogCapture.start();
        for (TestDatabase db : TestDatabase.all()) {
            TARGETS.put(db, new Target(db));
        }
        routes = RapportServer.routes(TARGETS.get(TestDatabase.H2).server.rapport, true).routes();
    }

    @AfterContainer
    static void stopServers() {
        TARGETS.values().forEach(t -> t.server.close());
        TARGETS.clear();
        log.close();
        System.out.println("FuzzOverHttpTest answers by status: " + STATUSES);
    }

    @Example
    void everyRouteIsListed() {
        assertThat(routes).extracting(RouteCatalog.Route::toString)
                .contains("POST /api/v1/auth/login", "POST /api/v1/public/surveys/{token}", "POST /api/v1/customers",
                        "PATCH /api/v1/customers/{id}", "POST /api/v1/tickets/{id}/progress",
                        "GET /api/v1/reports/monthly", "PUT /api/v1/sla/policies", "POST /api/v1/demo/clock/advance");
    }

    @Example
    void theRegressionCorpusGetsNo5xxOnH2() {
        corpus().forEach(request -> check(TestDatabase.H2, request));
    }

    @Example
    void theRegressionCorpusGetsNo5xxOnPostgreSql() {
        corpus().forEach(request -> check(TestDatabase.POSTGRES, request));
    }

    @Property(tries = TRIES)
    void noGeneratedRequestGetsA5xxOnH2(@ForAll("requests") FuzzRequest request) {
        check(TestDatabase.H2, request);
    }

    @Property(tries = TRIES)
    void noGeneratedRequestGetsA5xxOnPostgreSql(@ForAll("requests") FuzzRequest request) {
        check(TestDatabase.POSTGRES, request);
    }

    private static void check(TestDatabase db, FuzzRequest template) {
        var target = TARGETS.get(db);
        var request = template.withIds(target.ids);
        String token = target.tokens.get(request.role());
        var before = DatabaseDigest.of(target.server);
        int logged = log.records().size();
        FuzzRequest.Answer answer;
        try {
            answer = request.send(target.server.server.port(), token);
        } catch (UncheckedIOException e) {
            // A request line over Helidon's 4 KiB is answered 414 (InputLimitsOverHttpTest), but the server closes
            // with the rest of the line unread, and the client's TCP stack may drop the answer on the reset.
            assertThat(request.target().length()).as("no answer to %s", request).isGreaterThan(PROLOGUE_LIMIT);
            assertThat(DatabaseDigest.of(target.server)).isEqualTo(before);
            return;
        }

        STATUSES.merge(answer.status(), 1, Integer::sum);
        assertThat(answer.status()).as("status of %s, answer %s", request, answer.body()).isLessThan(500);
        if (answer.status() >= 400) {
            if (request.target().startsWith("/api/") && !formPost(request)) {
                assertThat(answer.contentType()).as("content type of %s (%d)", request, answer.status())
                        .isEqualTo("application/problem+json");
                JsonNode problem = answer.json();
                assertThat(problem).as("problem body of %s: %s", request, answer.body()).isNotNull();
                assertThat(problem.get("status").asInt()).isEqualTo(answer.status());
                assertThat(problem.has("type") && problem.has("title") && problem.has("code")
                        && problem.get("errors").isArray()).as("problem shape: %s", answer.body()).isTrue();
            }
            assertThat(DatabaseDigest.of(target.server)).as("the database after the refused %s (%d %s)", request,
                    answer.status(), answer.body()).isEqualTo(before);
            // One snapshot: background threads may log between two calls.
            List<LogRecord> records = log.records();
            List<LogRecord> newRecords = records.subList(logged, records.size());
            assertThat(newRecords).as("log of the refused %s", request)
                    .noneMatch(r -> r.getThrown() != null && r.getLevel().intValue() >= Level.INFO.intValue());
        }
        if (answer.status() == 401 && token != null) {
            // Logged out, or the clock moved past the session: log in again for the next try.
            target.login(request.role());
        }
    }

    private static boolean formPost(FuzzRequest request) {
        // The survey form is answered in HTML, as API.md says, for browsers posting it.
        return request.contentType() != null && request.contentType().startsWith("application/x-www-form-urlencoded")
                && request.target().startsWith("/api/v1/public/surveys/");
    }

    private static List<FuzzRequest> corpus() {
        try (InputStream in = FuzzOverHttpTest.class.getResourceAsStream("fuzz-corpus.jsonl")) {
            String text = new String(Objects.requireNonNull(in, "fuzz-corpus.jsonl").readAllBytes(),
                    StandardCharsets.UTF_8);
            return text.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).map(FuzzRequest::fromCorpusLine)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Provide
    Arbitrary<FuzzRequest> requests() {
        return Arbitraries.of(routes).flatMap(route -> Combinators.combine(
                Arbitraries.of(ROLES), path(route), query(), contentType(), body(route))
                .as((role, path, query, contentType, body) -> new FuzzRequest(role, route.method().text(),
                        route.toString(), path + query, body == null ? null : contentType, body)));
    }

    private static Arbitrary<String> path(RouteCatalog.Route route) {
        var template = route.path();
        var parameters = route.parameters();
        if (parameters.isEmpty()) {
            return Arbitraries.just(template);
        }
        return pathValue().list().ofSize(parameters.size()).map(values -> {
            String path = template;
            for (int i = 0; i < parameters.size(); i++) {
                path = path.replace("{" + parameters.get(i) + "}", values.get(i));
            }
            return path;
        });
    }

    private static Arbitrary<String> pathValue() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.of("{ticket}", "{customer}", "{follow-up}", "{improvement}",
                        "{user}", "{department}", "P1", "link", "webform", "me")),
                net.jqwik.api.Tuple.of(3, text().map(FuzzOverHttpTest::encoded).filter(s -> !s.isEmpty())),
                net.jqwik.api.Tuple.of(1, Arbitraries.of("%00", "%zz", "%", "%ED%A0%80", "%C0%AF", "..", "%2F", ";x=1",
                        "a%20b", "%E2%80%AE", "x".repeat(3_000))));
    }

    private static final List<String> QUERY_NAMES = List.of("q", "limit", "cursor", "status", "priority",
            "departmentId", "assigneeId", "ownerId", "customerId", "ticketId", "tag", "atRisk", "overdue", "from", "to",
            "month", "groupBy", "state", "dueBefore", "subscriber", "allowDuplicate", "lang");

    private static Arbitrary<String> query() {
        var pair = Combinators.combine(Arbitraries.of(QUERY_NAMES), Arbitraries.oneOf(
                        text().map(FuzzOverHttpTest::encoded),
                        Arbitraries.of("%00", "%zz", "%ED%A0%80", "true", "maybe", "0", "201", "-1", "99999999999",
                                "%2B999999999-12-31", "-999999999-01-01", "2026-11", "2026-13-45", "P1,P2,,X")))
                .as((name, value) -> name + "=" + value);
        return pair.list().ofMaxSize(3).map(pairs -> pairs.isEmpty() ? "" : "?" + String.join("&", pairs));
    }

    private static Arbitrary<String> contentType() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(12, Arbitraries.just("application/json")),
                net.jqwik.api.Tuple.of(1, Arbitraries.of("text/plain", "application/x-www-form-urlencoded",
                        "application/json; charset=ISO-8859-1", "multipart/form-data; boundary=x", "image/png",
                        "application/pdf", "text/html")));
    }

    private static final String NESTED = "[".repeat(1_001) + "]".repeat(1_001);
    private static final List<String> MALFORMED = List.of("", "{", "}", "[1, 2]", "null", "\"text\"", "42",
            "{\"a\": 1} trailing", "{\"a\": 1, \"a\": 2}", "{\"a\": " + NESTED + "}", "{\"a\": " + "9".repeat(1_001) + "}",
            "{\"" + "n".repeat(1_001) + "\": 1}", "{'single': 'quotes'}", "{\"a\": NaN}", "{\"a\": 01}",
            "{\"a\": \"\\ud800\"}", "{\"a\": \"\\u0000\"}", "\uFEFF{}", "{\"a\":\"" + "x".repeat(70_000) + "\"}",
            "responseSpeed=5&overall=x&lang=en", "--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n--x--");

    private static Arbitrary<String> body(RouteCatalog.Route route) {
        boolean takesBody = !route.method().text().equals("GET");
        var json = Combinators.combine(Arbitraries.of(Seeds.bodyOf(route)), fields().list().ofMaxSize(4),
                Arbitraries.integers().between(0, 3))
                .as((seed, changes, drops) -> mutated(seed, changes, drops));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(takesBody ? 1 : 6, Arbitraries.just((String) null)),
                net.jqwik.api.Tuple.of(takesBody ? 2 : 1, Arbitraries.of(MALFORMED)),
                net.jqwik.api.Tuple.of(takesBody ? 7 : 1, json));
    }

    private static String mutated(ObjectNode seed, List<Map.Entry<String, JsonNode>> changes, int drops) {
        var body = seed.deepCopy();
        var names = new ArrayList<String>();
        body.fieldNames().forEachRemaining(names::add);
        for (int i = 0; i < drops && i < names.size(); i++) {
            body.remove(names.get((i * 7) % names.size()));
        }
        changes.forEach(change -> body.set(change.getKey(), change.getValue()));
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final List<String> FIELD_NAMES = List.of("version", "id", "name", "kind", "industry", "segment",
            "source", "maintenanceLevel", "keyAccount", "accountManagerId", "tags", "contractEnd", "cooperationSince",
            "firstContactAt", "firstContactChannel", "contacts", "customerId", "contactId", "type", "title",
            "description", "priority", "urgent", "important", "channel", "relatedTicketIds", "planDate", "departmentId",
            "assigneeId", "action", "status", "visibility", "nextUpdateAt", "kind", "customerInformed", "newEta",
            "request", "reason", "solution", "communicatedVia", "opinion", "method", "comment", "duplicateId", "at",
            "participants", "topic", "content", "initialResponse", "ownerId", "plannedCompletion", "nextAction", "date",
            "amount", "currency", "outcome", "note", "problem", "rootCause", "measures", "plannedDate", "completedDate",
            "ticketIds", "customerIds", "score", "notes", "state", "suggestionId", "employeeId", "password", "roles",
            "tier", "active", "email", "locale", "targets", "items", "zone", "week", "holidays", "extraWorkingDays",
            "code", "defaultDepartment", "stage", "assignmentMode", "duration", "responseSpeed", "resolution",
            "attitude", "overall", "recommend", "phone", "subject", "message", "\u0000", "", "\uD800");

    private static Arbitrary<Map.Entry<String, JsonNode>> fields() {
        return Combinators.combine(Arbitraries.of(FIELD_NAMES), value(3)).as(Map::entry);
    }

    private static Arbitrary<JsonNode> value(int depth) {
        Arbitrary<JsonNode> leaves = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(5, text().map(t -> (JsonNode) NODES.textNode(t))),
                net.jqwik.api.Tuple.of(2, Arbitraries.<JsonNode>of(NODES.numberNode(0), NODES.numberNode(-1), NODES.numberNode(1),
                        NODES.numberNode(5), NODES.numberNode(2_147_483_648L), NODES.numberNode(Long.MAX_VALUE),
                        NODES.numberNode(Long.MIN_VALUE), NODES.numberNode(new BigDecimal("9".repeat(999))),
                        NODES.numberNode(new BigDecimal("1e999999999")), NODES.numberNode(new BigDecimal("-1e-999999999")),
                        NODES.numberNode(1.5), NODES.numberNode(1e308), NODES.numberNode(new BigDecimal("1200.505")))),
                net.jqwik.api.Tuple.of(1, Arbitraries.<JsonNode>of(NODES.booleanNode(true), NODES.booleanNode(false),
                        NODES.nullNode())));
        if (depth == 0) {
            return leaves;
        }
        Arbitrary<JsonNode> arrays = value(depth - 1).list().ofMaxSize(3).map(list -> {
            ArrayNode array = NODES.arrayNode();
            list.forEach(array::add);
            return array;
        });
        Arbitrary<JsonNode> objects = Combinators.combine(Arbitraries.of(FIELD_NAMES), value(depth - 1)).as(Map::entry)
                .list().ofMaxSize(3).map(entries -> {
                    ObjectNode object = NODES.objectNode();
                    entries.forEach(e -> object.set(e.getKey(), e.getValue()));
                    return object;
                });
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(6, leaves), net.jqwik.api.Tuple.of(1, arrays),
                net.jqwik.api.Tuple.of(1, objects));
    }

    /** Texts that broke servers before: extremes of every kind a field may be parsed as. */
    private static final List<String> NASTY = List.of("", " ", "\u0000", "a\u0000b", "\uD800", "x\uDC00y", "😀",
            "\u202Eevil", "ＡＢＣ", "\r\n", "\t", "'; DROP TABLE tickets; --", "../../etc/passwd", "<script>x</script>",
            "null", "true", "NaN", "-0", "9".repeat(400), "x".repeat(10_001), "+999999999-12-31", "-999999999-01-01",
            "0000-01-01", "1899-12-31", "10000-01-01", "2026-02-30", "2026-11-22", "2026-11", "+1000000000-12-31T23:59:59Z",
            "-1000000000-01-01T00:00:00Z", "2026-11-22T09:30:00Z", "2026-11-22T09:30:00+25:00", "PT9999999999H",
            "P999999999D", "PT-1S", "PT0S", "P2D", "PT30M", "25:61", "09:00", "24:00", "Mars/Olympus", "UTC",
            "Asia/Shanghai", "P1", "P5", "COMPLAINT", "REFUND", "after-sales", "SATISFIED", "EMAIL", "PHONE", "INTERNAL",
            "CUSTOMER", "IN_PROGRESS", "DONE", "COMPANY", "PERSON", "Retail", "CNY", "XXX", "zh-CN", "en", "MONDAY",
            "ADMIN", "1e999999999", "1200.50", "a@example.com", "13800138000", "{ticket}");

    private static Arbitrary<String> text() {
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(4, Arbitraries.of(NASTY)),
                net.jqwik.api.Tuple.of(1, Arbitraries.strings().ofMaxLength(12)));
    }

    /** Percent-encodes every byte but unreserved ones; a lone surrogate as the three bytes UTF-8 would give it. */
    static String encoded(String text) {
        var out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            byte[] bytes;
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes = text.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                i++;
            } else if (Character.isSurrogate(c)) {
                bytes = new byte[] {(byte) (0xE0 | (c >> 12)), (byte) (0x80 | ((c >> 6) & 0x3F)), (byte) (0x80 | (c & 0x3F))};
            } else {
                bytes = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
            }
            for (byte b : bytes) {
                int u = b & 0xFF;
                if ((u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') || "-._~".indexOf(u) >= 0) {
                    out.append((char) u);
                } else {
                    out.append('%').append(String.format("%02X", u));
                }
            }
        }
        return out.toString();
    }

    /** Well-formed bodies of the main routes, for the mutations to start from: they reach deeper than noise. */
    private static final class Seeds {
        private static final Map<String, String> BODIES = Map.ofEntries(
                Map.entry("POST /api/v1/auth/login", "{\"employeeId\":\"fuzz-nobody\",\"password\":\"wrong\"}"),
                Map.entry("POST /api/v1/customers", "{\"kind\":\"COMPANY\",\"name\":\"Fuzz Ltd\",\"industry\":\"Retail\","
                        + "\"contacts\":[{\"name\":\"F\",\"email\":\"f@example.com\"}]}"),
                Map.entry("PATCH /api/v1/customers/{id}", "{\"name\":\"Fuzz\",\"version\":0}"),
                Map.entry("POST /api/v1/customers/{id}/interactions", "{\"method\":\"PHONE\",\"topic\":\"t\","
                        + "\"content\":\"c\"}"),
                Map.entry("POST /api/v1/customers/{id}/purchases", "{\"date\":\"2026-01-01\",\"amount\":\"10\","
                        + "\"currency\":\"CNY\"}"),
                Map.entry("POST /api/v1/tickets", "{\"customerId\":\"{customer}\",\"type\":\"COMPLAINT\","
                        + "\"description\":\"d\",\"priority\":\"P3\"}"),
                Map.entry("POST /api/v1/tickets/{id}/progress", "{\"action\":\"a\",\"visibility\":\"INTERNAL\","
                        + "\"version\":0}"),
                Map.entry("POST /api/v1/tickets/{id}/exceptions", "{\"kind\":\"DELAY\",\"description\":\"d\","
                        + "\"customerInformed\":\"yes\",\"version\":0}"),
                Map.entry("POST /api/v1/improvements", "{\"problem\":\"p\",\"rootCause\":\"OTHER\",\"measures\":\"m\","
                        + "\"departmentId\":\"after-sales\",\"ownerId\":\"supervisor\"}"),
                Map.entry("POST /api/v1/public/surveys/{token}", "{\"responseSpeed\":5,\"resolution\":5,\"attitude\":5,"
                        + "\"overall\":5,\"recommend\":10}"),
                Map.entry("POST /api/v1/public/webform", "{\"name\":\"N\",\"email\":\"n@example.com\","
                        + "\"subject\":\"s\",\"message\":\"m\",\"proof\":\"9211\"}"), // the work for "m" on 2026-11-23
                Map.entry("POST /api/v1/demo/clock/advance", "{\"duration\":\"PT1H\"}"),
                Map.entry("POST /api/v1/users", "{\"employeeId\":\"fuzz\",\"name\":\"F\",\"password\":\"a-long-password\","
                        + "\"departmentId\":\"after-sales\",\"roles\":[\"AGENT\"]}"));

        static List<ObjectNode> bodyOf(RouteCatalog.Route route) {
            String seed = BODIES.getOrDefault(route.toString(), "{}");
            try {
                return List.of((ObjectNode) JSON.readTree(seed), NODES.objectNode());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
