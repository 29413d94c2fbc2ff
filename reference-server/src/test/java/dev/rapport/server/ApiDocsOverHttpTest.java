package dev.rapport.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.rapport.server.apidocs.ApiDescription;
import dev.rapport.server.http.SecurityHeaders;
import dev.rapport.storage.jdbc.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /openapi} serves the document, as YAML or, when asked, JSON, to anyone; {@code GET /api-docs} serves
 * Swagger UI's page, whose scripts and styles are this server's own files (the CSP allows no other), each of which
 * answers.
 */
class ApiDocsOverHttpTest {
    private static final Pattern ASSET = Pattern.compile("<(?:script src|link rel=\"stylesheet\" href)=\"(/[^\"]+)\"");
    private static TestServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        server = new TestServer(TestDatabase.H2);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theDocumentIsServedAsYamlByDefaultWithoutSigningIn() throws Exception {
        var response = get("/openapi", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/yaml"));
        JsonNode served = new YAMLMapper().readTree(response.body());
        assertThat(served).isEqualTo(ApiDescription.document());
        assertThat(served.at("/openapi").asText()).isEqualTo("3.1.0");
        assertThat(served.at("/paths").has("/api/v1/tickets")).isTrue();
    }

    @Test
    void theDocumentIsServedAsJsonWhenAskedByQueryOrByAccept() throws Exception {
        var byQuery = get("/openapi?format=json", null);
        var byAccept = get("/openapi", "application/json");

        for (var response : java.util.List.of(byQuery, byAccept)) {
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                    assertThat(type).startsWith("application/json"));
            assertThat(new ObjectMapper().readTree(response.body())).isEqualTo(ApiDescription.document());
        }
        assertThat(get("/openapi", "application/yaml, application/json;q=0.5").headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/yaml"));
    }

    @Test
    void anUnknownFormatIsAProblemNamingTheField() throws Exception {
        var response = get("/openapi?format=xml", null);

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(new ObjectMapper().readTree(response.body()).at("/errors/0/field").asText()).isEqualTo("format");
    }

    @Test
    void theViewerIsAPageOfThisServersOwnFilesUnderTheStrictPolicy() throws Exception {
        var page = get("/api-docs", null);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("text/html"));
        assertThat(page.headers().firstValue("Content-Security-Policy"))
                .hasValue(SecurityHeaders.CONTENT_SECURITY_POLICY);
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(page.body()).doesNotContainPattern("<script>|<script [^>]*>[^<]+</script>|<style|style=");

        var assets = ASSET.matcher(page.body()).results().map(m -> m.group(1)).toList();
        assertThat(assets).contains("/webjars/swagger-ui/swagger-ui-bundle.js", "/webjars/swagger-ui/swagger-ui.css",
                ApiDescription.ASSETS + "/viewer.js");
        for (String asset : assets) {
            var response = get(asset, null);
            assertThat(response.statusCode()).as(asset).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).as(asset).hasValueSatisfying(type ->
                    assertThat(type).startsWith(asset.endsWith(".js") ? "text/javascript" : "text/css"));
        }
        assertThat(get(ApiDescription.ASSETS + "/viewer.js", null).body()).contains("/openapi?format=json");
    }

    private HttpResponse<String> get(String path, String accept) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(server.uri(path)).GET();
        if (accept != null) {
            request.header("Accept", accept);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
