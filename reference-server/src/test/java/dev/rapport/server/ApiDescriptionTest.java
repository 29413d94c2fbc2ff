package dev.rapport.server;

import dev.rapport.server.apidocs.ApiDescription;
import dev.rapport.storage.jdbc.testing.TestDatabase;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document ({@code apidocs/openapi.yaml}, served at {@code GET /openapi}) describes the server as built:
 * every route the routing registers and no other, valid for a real OpenAPI parser, every error as problem+json, and
 * the sign-in the routes ask for. A route added to the server without its entry in the document fails here.
 */
class ApiDescriptionTest {
    private static TestServer server;
    private static OpenAPI document;
    private static List<String> parserMessages;

    @BeforeAll
    static void parse() throws IOException {
        server = new TestServer(TestDatabase.H2);
        var options = new ParseOptions();
        options.setResolve(true);
        // Inlines every $ref, so that each operation's answers can be read where they are used.
        options.setResolveFully(true);
        var yaml = new String(ApiDescriptionTest.class.getClassLoader()
                .getResourceAsStream(ApiDescription.DOCUMENT).readAllBytes(), StandardCharsets.UTF_8);
        var result = new OpenAPIV3Parser().readContents(yaml, null, options);
        document = result.getOpenAPI();
        parserMessages = result.getMessages() == null ? List.of() : result.getMessages();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aRealOpenApiParserReadsTheDocumentWithoutAMessage() {
        assertThat(parserMessages).isEmpty();
        assertThat(document).isNotNull();
        assertThat(document.getOpenapi()).isEqualTo("3.1.0");
        assertThat(document.getComponents().getSecuritySchemes()).containsKey("bearer");
        assertThat(document.getComponents().getSecuritySchemes().get("bearer").getScheme()).isEqualTo("bearer");
    }

    @Test
    void theDocumentDescribesEveryRouteOfTheServerAndNoOther() {
        var served = RapportServer.routes(server.rapport, true).routes().stream()
                .map(RouteCatalog.Route::toString).collect(Collectors.toCollection(TreeSet::new));
        var documented = new TreeSet<>(operations().keySet());

        assertThat(without(served, documented))
                .as("routes the server has that the document lacks (add them to %s)", ApiDescription.DOCUMENT).isEmpty();
        assertThat(without(documented, served)).as("routes the document describes that the server lacks").isEmpty();
        assertThat(documented).contains("GET /openapi", "GET /api-docs", "POST /api/v1/auth/login",
                "POST /api/v1/tickets/{id}/progress");
    }

    @Test
    void everyOperationHasATagAndAUniqueIdAndEveryTagIsDeclared() {
        var declared = document.getTags().stream().map(t -> t.getName()).collect(Collectors.toSet());
        var ids = new ArrayList<String>();
        operations().forEach((route, operation) -> {
            assertThat(operation.getTags()).as(route).hasSize(1);
            assertThat(declared).as(route).containsAll(operation.getTags());
            assertThat(operation.getOperationId()).as(route).isNotBlank();
            assertThat(operation.getSummary()).as(route).isNotBlank();
            ids.add(operation.getOperationId());
        });
        assertThat(ids).doesNotHaveDuplicates();
    }

    @Test
    void everyErrorOfTheApiIsDescribedAsProblemJson() {
        operations().forEach((route, operation) -> {
            var errors = operation.getResponses().entrySet().stream().filter(e -> e.getKey().startsWith("4")).toList();
            if (route.contains(" /api/v1/")) {
                assertThat(errors).as("%s lists its 4xx answers", route).isNotEmpty();
            }
            errors.forEach(error -> assertThat(error.getValue().getContent().keySet())
                    .as("%s %s", route, error.getKey())
                    // The customers' HTML pages answer their errors as pages; everything else as problem+json.
                    .isSubsetOf(route.startsWith("GET /survey/") || route.startsWith("GET /status/") ? Set.of("text/html")
                            : Set.of("application/problem+json")));
        });
        var problem = document.getComponents().getSchemas().get("Problem");
        assertThat(problem.getProperties()).containsKeys("type", "title", "status", "detail", "code", "errors");
    }

    @Test
    void theDocumentAsksForASessionWhereTheServerDoes() {
        var permissions = RoutePermissions.of(RapportServer.routes(server.rapport, true));
        operations().forEach((route, operation) -> {
            String method = route.substring(0, route.indexOf(' '));
            String path = route.substring(route.indexOf(' ') + 1).replaceAll("\\{[^}]+}", "x");
            boolean documentedPublic = operation.getSecurity() != null && operation.getSecurity().isEmpty();
            boolean needsSession = permissions.of(method, path).isPresent();
            if (needsSession) {
                assertThat(documentedPublic).as("%s needs a session, the document says it is public", route).isFalse();
            }
            if (!documentedPublic) {
                ApiResponse unauthorized = operation.getResponses().get("401");
                assertThat(unauthorized).as("%s lists 401", route).isNotNull();
            }
        });
        assertThat(document.getSecurity()).as("signed in unless an operation says otherwise").hasSize(1);
    }

    @Test
    void whatTheServerAnswersHasOnlyFieldsTheDocumentNames() {
        var supervisor = server.login("supervisor");
        var admin = server.login("admin");
        String customer = server.get("/api/v1/customers?limit=1", supervisor).text("/items/0/id");
        String ticket = server.get("/api/v1/tickets?limit=1", supervisor).text("/items/0/id");
        var undocumented = new TreeSet<String>();
        var login = server.post("/api/v1/auth/login", null, Map.of("employeeId", "agent", "password",
                dev.rapport.server.demo.DemoData.PASSWORD));
        undocumented.addAll(undocumented("POST /api/v1/auth/login", login.body()));
        int lists = 0;
        for (String path : List.of("/api/v1/auth/session", "/api/v1/customers?limit=3", "/api/v1/customers/" + customer,
                "/api/v1/customers/" + customer + "/timeline", "/api/v1/customers/" + customer + "/interactions",
                "/api/v1/customers/" + customer + "/purchases", "/api/v1/customers/" + customer + "/history",
                "/api/v1/tickets?limit=3", "/api/v1/tickets/" + ticket, "/api/v1/tickets/" + ticket + "/history",
                "/api/v1/departments", "/api/v1/catalog/ticket-types", "/api/v1/catalog/industries",
                "/api/v1/sla/policies", "/api/v1/sla/calendars", "/api/v1/follow-ups", "/api/v1/improvements",
                "/api/v1/improvements/suggestions", "/api/v1/reports/kpis", "/api/v1/reports/monthly")) {
            var answer = server.get(path, supervisor);
            assertThat(answer.status()).as(path).isEqualTo(200);
            undocumented.addAll(undocumented("GET " + template(path), answer.body()));
            lists += answer.body().path("items").isEmpty() ? 0 : 1;
        }
        undocumented.addAll(undocumented("GET /api/v1/users", server.get("/api/v1/users", admin).body()));

        assertThat(undocumented).as("fields the server sends that %s does not name", ApiDescription.DOCUMENT)
                .isEmpty();
        assertThat(lists).as("lists whose items were compared").isGreaterThanOrEqualTo(10);
    }

    /** {@code "/api/v1/customers/c-1/timeline?x=1"} → {@code "/api/v1/customers/{id}/timeline"}. */
    private static String template(String concrete) {
        String path = concrete.contains("?") ? concrete.substring(0, concrete.indexOf('?')) : concrete;
        return document.getPaths().keySet().stream()
                .filter(t -> path.matches(t.replaceAll("\\{[^}]+}", "[^/]+")))
                .min(java.util.Comparator.comparingInt(t -> t.split("\\{").length)).orElseThrow();
    }

    /** The fields of {@code answer}, and of its first item when it is a list, that the 200 answer's schema lacks. */
    private static Set<String> undocumented(String route, com.fasterxml.jackson.databind.JsonNode answer) {
        String method = route.substring(0, route.indexOf(' '));
        String path = route.substring(route.indexOf(' ') + 1);
        var operation = document.getPaths().get(path).readOperationsMap().get(PathItem.HttpMethod.valueOf(method));
        var response = operation.getResponses().get(operation.getResponses().containsKey("201") ? "201" : "200");
        var schema = response.getContent().get("application/json").getSchema();
        var missing = new TreeSet<String>();
        var names = properties(schema);
        answer.fieldNames().forEachRemaining(field -> {
            if (!names.containsKey(field)) {
                missing.add(route + ": " + field);
            }
        });
        var items = answer.path("items");
        if (items.isArray() && !items.isEmpty() && names.containsKey("items")) {
            var itemNames = properties(names.get("items").getItems());
            items.get(0).fieldNames().forEachRemaining(field -> {
                if (!itemNames.containsKey(field)) {
                    missing.add(route + ": items[]." + field);
                }
            });
        }
        return missing;
    }

    /** A schema's properties, those of the schemas it is all of included. */
    @SuppressWarnings("rawtypes")
    private static Map<String, io.swagger.v3.oas.models.media.Schema> properties(
            io.swagger.v3.oas.models.media.Schema<?> schema) {
        var properties = new java.util.LinkedHashMap<String, io.swagger.v3.oas.models.media.Schema>();
        if (schema == null) {
            return properties;
        }
        if (schema.getAllOf() != null) {
            schema.getAllOf().forEach(part -> properties.putAll(properties(part)));
        }
        if (schema.getProperties() != null) {
            properties.putAll(schema.getProperties());
        }
        return properties;
    }

    private static Set<String> without(Set<String> all, Set<String> some) {
        var rest = new TreeSet<>(all);
        rest.removeAll(some);
        return rest;
    }

    /** {@code "POST /api/v1/tickets"} → its operation, for every operation of the document. */
    private static Map<String, Operation> operations() {
        var operations = new java.util.TreeMap<String, Operation>();
        document.getPaths().forEach((path, item) -> item.readOperationsMap()
                .forEach((PathItem.HttpMethod method, Operation operation) ->
                        operations.put(method.name() + " " + path, operation)));
        return operations;
    }
}
