package dev.rapport.server.apidocs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.rapport.api.error.FieldError;
import dev.rapport.api.error.ValidationException;
import io.helidon.http.HeaderNames;
import io.helidon.http.HttpMediaType;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.helidon.webserver.staticcontent.ClasspathHandlerConfig;
import io.helidon.webserver.staticcontent.StaticContentFeature;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;

/**
 * {@code GET /openapi}: the OpenAPI 3.1 description of every route, kept by hand in {@value #DOCUMENT} beside the
 * code (a test holds it to the server's routing and to a real OpenAPI parser), as YAML, or as JSON for
 * {@code ?format=json} or a client that accepts JSON and not YAML. {@code GET /api-docs}: Swagger UI over it, its
 * start-up in a script file of its own under {@value #ASSETS}, as the server's content security policy allows no
 * inline script.
 */
public final class ApiDescription implements HttpService {
    /** The document, on the class path. */
    public static final String DOCUMENT = "apidocs/openapi.yaml";
    /** Where the viewer's start-up script is served (Swagger UI itself comes from its WebJar under {@code /webjars}). */
    public static final String ASSETS = "/api-docs/assets";
    private static final String YAML = "application/yaml; charset=UTF-8";
    private static final String JSON = "application/json; charset=UTF-8";

    private final byte[] yaml;
    private final byte[] viewer;

    private ApiDescription(byte[] yaml, byte[] viewer) {
        this.yaml = yaml;
        this.viewer = viewer;
    }

    /**
     * The document and the viewer's page, read once per JVM (the routing is built more than once per start: once to
     * list the routes, once to serve them). The YAML is parsed only when first asked for as JSON: parsing it at every
     * start cost a tenth of a second and made the JIT compile a YAML parser while the server started. Its validity is
     * the build's to hold (ApiDescriptionTest parses it with a real OpenAPI parser).
     */
    public static ApiDescription load() {
        return Loaded.INSTANCE;
    }

    /** The document as parsed, for the tests and anyone describing the API further. */
    public static JsonNode document() {
        return Parsed.TREE.deepCopy();
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/openapi", this::document)
                .get("/api-docs", (req, res) -> res.header(HeaderNames.CONTENT_TYPE, "text/html; charset=utf-8")
                        .header(HeaderNames.CACHE_CONTROL, "no-cache")
                        .send(viewer));
    }

    /** Serves the viewer's start-up script; registered beside the routes, outside the API's route catalog. */
    public static void registerAssets(HttpRouting.Builder routing) {
        routing.register(ASSETS, StaticContentFeature.createService(ClasspathHandlerConfig.builder()
                .location("apidocs/assets")
                .build()));
    }

    private void document(ServerRequest req, ServerResponse res) {
        boolean asJson = req.query().first("format").map(format -> switch (format.strip().toLowerCase(Locale.ROOT)) {
            case "json" -> true;
            case "yaml" -> false;
            default -> throw new ValidationException(FieldError.of("format", "must be json or yaml"));
        }).orElseGet(() -> prefersJson(req));
        res.header(HeaderNames.CONTENT_TYPE, asJson ? JSON : YAML)
                .header(HeaderNames.CACHE_CONTROL, "no-cache")
                .send(asJson ? Parsed.AS_JSON : yaml);
    }

    /** JSON only when the client asks for it and not for YAML: YAML is the default, as Helidon's own /openapi. */
    private static boolean prefersJson(ServerRequest req) {
        var accepted = req.headers().acceptedTypes();
        for (HttpMediaType type : accepted) {
            String subtype = type.subtype().toLowerCase(Locale.ROOT);
            if (subtype.contains("yaml")) {
                return false;
            }
            if (subtype.equals("json")) {
                return true;
            }
        }
        return false;
    }

    /** Holds the one instance, read on first use. */
    private static final class Loaded {
        static final ApiDescription INSTANCE = new ApiDescription(resource(DOCUMENT), resource("apidocs/index.html"));
    }

    /** The document parsed, and as JSON, on first use. */
    private static final class Parsed {
        static final JsonNode TREE;
        static final byte[] AS_JSON;

        static {
            try {
                TREE = new YAMLMapper().readTree(Loaded.INSTANCE.yaml);
                AS_JSON = new ObjectMapper().writeValueAsBytes(TREE);
            } catch (IOException e) {
                throw new IllegalStateException(DOCUMENT + " is not valid YAML", e);
            }
        }
    }

    private static byte[] resource(String name) {
        try (InputStream in = ApiDescription.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
