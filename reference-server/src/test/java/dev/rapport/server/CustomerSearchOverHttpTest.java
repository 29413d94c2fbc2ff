package dev.rapport.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rapport.api.PageRequest;
import dev.rapport.api.security.Actor;
import dev.rapport.storage.jdbc.testing.StorageTest;
import dev.rapport.storage.jdbc.testing.TestDatabase;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** API.md "Customers": duplicates refused with their candidates unless allowed, and fuzzy, paged search. */
class CustomerSearchOverHttpTest {
    /** The demo's 杭州云栈科技有限公司 has a contact with this phone and e-mail. */
    private static final Map<String, Object> LOOKALIKE = Map.of("kind", "ORGANIZATION", "name", "Yunzhan Hangzhou",
            "industry", "Technology", "contacts", List.of(Map.of("name", "Wei Zhang", "phone", "+86 138 1234 5678",
                    "email", "ZHANG.WEI@yunzhan.example")));

    @StorageTest
    void aLookalikeIsAConflictNamingTheCandidatesUnlessDuplicatesAreAllowed(TestDatabase db) {
        try (var server = new TestServer(db)) {
            String agent = server.login("agent");
            int before = customerCount(server);

            var refused = server.post("/api/v1/customers", agent, LOOKALIKE);

            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.raw().headers().firstValue("Content-Type")).contains("application/problem+json");
            assertThat(refused.text("/code")).isEqualTo("customer.duplicate");
            JsonNode candidate = refused.body().at("/candidates/0");
            assertThat(refused.body().get("candidates").size()).isEqualTo(1);
            assertThat(names(candidate)).containsExactly("id", "code", "name", "score");
            assertThat(candidate.get("name").asText()).isEqualTo("杭州云栈科技有限公司");
            assertThat(candidate.get("score").asDouble()).isEqualTo(1.0);
            assertThat(server.get("/api/v1/customers/" + candidate.get("id").asText(), agent).text("/code"))
                    .isEqualTo(candidate.get("code").asText());
            assertThat(refused.raw().body()).doesNotContain("5678", "zhang.wei", "ZHANG.WEI");
            assertThat(customerCount(server)).isEqualTo(before);

            var notABoolean = server.post("/api/v1/customers?allowDuplicate=yes", agent, LOOKALIKE);
            assertThat(notABoolean.status()).isEqualTo(422);
            assertThat(notABoolean.body().at("/errors").findValuesAsText("field")).containsExactly("allowDuplicate");

            var created = server.post("/api/v1/customers?allowDuplicate=true", agent, LOOKALIKE);
            assertThat(created.status()).isEqualTo(201);
            assertThat(created.text("/name")).isEqualTo("Yunzhan Hangzhou");
            assertThat(customerCount(server)).isEqualTo(before + 1);
        }
    }

    @StorageTest
    void searchToleratesTyposFindsChineseByAnyPartAndPagesWithACursor(TestDatabase db) {
        try (var server = new TestServer(db)) {
            String agent = server.login("agent");
            for (String name : List.of("星河物流", "北京星河科技", "星河电子")) {
                var created = server.post("/api/v1/customers", agent, Map.of("kind", "ORGANIZATION", "name", name,
                        "industry", "Retail", "contacts", List.of(Map.of("name", "Bo", "email",
                                "bo" + name.length() + name.hashCode() + "@example.com"))));
                assertThat(created.status()).isEqualTo(201);
            }

            assertThat(server.get("/api/v1/customers?q=Nortwind", agent).text("/items/0/name"))
                    .isEqualTo("Northwind Retail Ltd");
            assertThat(server.get("/api/v1/customers?q=" + query("云栈"), agent).text("/items/0/name"))
                    .isEqualTo("杭州云栈科技有限公司");
            var names = new ArrayList<String>();
            String path = "/api/v1/customers?limit=2&q=" + query("星河");
            var page = server.get(path, agent);
            page.body().get("items").forEach(item -> names.add(item.get("name").asText()));
            while (!page.body().get("nextCursor").isNull()) {
                page = server.get(path + "&cursor=" + page.text("/nextCursor"), agent);
                page.body().get("items").forEach(item -> names.add(item.get("name").asText()));
            }
            assertThat(names).containsExactlyInAnyOrder("星河物流", "北京星河科技", "星河电子");

            var foreignCursor = server.get("/api/v1/customers?q=Northwind&cursor=" + server.get(path, agent)
                    .text("/nextCursor"), agent);
            assertThat(foreignCursor.status()).isEqualTo(422);
            assertThat(foreignCursor.body().at("/errors").findValuesAsText("field")).containsExactly("cursor");
        }
    }

    @StorageTest
    void pinyinFindsAChineseNameAfterWhatMatchesAsWrittenInTheListShape(TestDatabase db) {
        try (var server = new TestServer(db)) {
            String agent = server.login("agent");
            var created = server.post("/api/v1/customers", agent, Map.of("kind", "ORGANIZATION",
                    "name", "上海星河贸易有限公司", "industry", "Retail", "contacts", List.of(Map.of("name", "刘洋",
                            "email", "liu.yang@xinghe-trade.example"))));
            assertThat(created.status()).isEqualTo(201);

            var found = server.get("/api/v1/customers?q=xinghe", agent);

            assertThat(found.status()).isEqualTo(200);
            assertThat(names(found.body())).contains("items", "nextCursor");
            assertThat(found.body().get("items")).extracting(item -> item.get("name").asText())
                    .containsExactly("上海星河贸易有限公司");
            assertThat(found.text("/items/0/id")).isEqualTo(created.text("/id"));
            assertThat(server.get("/api/v1/customers?q=" + query("xing he"), agent).text("/items/0/name"))
                    .isEqualTo("上海星河贸易有限公司");
            assertThat(server.get("/api/v1/customers?q=shxh", agent).text("/items/0/name"))
                    .isEqualTo("上海星河贸易有限公司");
            assertThat(server.get("/api/v1/customers?q=liuyang", agent).text("/items/0/name"))
                    .as("a contact's name, read in pinyin").isEqualTo("上海星河贸易有限公司");
        }
    }

    private static List<String> names(JsonNode node) {
        var names = new ArrayList<String>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static String query(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static int customerCount(TestServer server) {
        return server.rapport.customers().search(Actor.system(), "", PageRequest.first(200)).items().size();
    }
}
