package dev.rapport.server;

import io.helidon.webserver.http.HttpService;
import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class RouteCatalogTest {
    private static final HttpService TICKETS = rules -> rules
            .get("/", (req, res) -> res.send())
            .get("/{id}", (req, res) -> res.send())
            .get("/export", (req, res) -> res.send())
            .post("/{id}/assign", (req, res) -> res.send());
    private final RouteCatalog catalog = RouteCatalog.of(rules -> rules.register("/api/v1/tickets", TICKETS));

    @Test
    void aConcretePathIsServedByTheTemplateWithTheSameSegments() {
        assertThat(template("GET", "/api/v1/tickets/01abc")).contains("GET /api/v1/tickets/{id}");
        assertThat(template("POST", "/api/v1/tickets/01abc/assign")).contains("POST /api/v1/tickets/{id}/assign");
        assertThat(template("GET", "/api/v1/tickets")).contains("GET /api/v1/tickets");
    }

    @Test
    void aLiteralRouteWinsOverOneWithParameters() {
        assertThat(template("GET", "/api/v1/tickets/export")).contains("GET /api/v1/tickets/export");
    }

    @Test
    void oneTrailingSlashIsTheSamePath() {
        assertThat(template("GET", "/api/v1/tickets/01abc/")).contains("GET /api/v1/tickets/{id}");
        assertThat(template("GET", "/api/v1/tickets/")).contains("GET /api/v1/tickets");
    }

    @Test
    void anEmptySegmentOrAnotherDepthOrMethodIsNoRoute() {
        assertThat(template("GET", "/api/v1/tickets//assign")).isEmpty();
        assertThat(template("POST", "/api/v1/tickets//assign")).isEmpty();
        assertThat(template("GET", "/api/v1/tickets/01abc/assign/more")).isEmpty();
        assertThat(template("DELETE", "/api/v1/tickets/01abc")).isEmpty();
        assertThat(template("GET", "/api/v1")).isEmpty();
        assertThat(catalog.templateOf("GET", "/api/v1/nothing")).isEqualTo("GET (no route)");
    }

    @Test
    void theMethodIsMatchedWhateverItsCase() {
        assertThat(template("get", "/api/v1/tickets/01abc")).contains("GET /api/v1/tickets/{id}");
    }

    @Test
    void thePathsMethodsAreListedForA405() {
        assertThat(catalog.methodsOf("/api/v1/tickets/01abc")).isEqualTo(Set.of("GET"));
        assertThat(catalog.methodsOf("/api/v1/tickets/01abc/assign")).isEqualTo(Set.of("POST"));
        assertThat(catalog.methodsOf("/api/v1/unknown")).isEmpty();
    }

    private Optional<String> template(String method, String path) {
        return catalog.routeOf(method, path).map(RouteCatalog.Route::toString);
    }
}
