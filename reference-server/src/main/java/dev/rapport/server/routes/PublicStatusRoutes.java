package dev.rapport.server.routes;

import dev.rapport.api.error.ConflictException;
import dev.rapport.api.error.FieldError;
import dev.rapport.api.error.GoneException;
import dev.rapport.api.error.NotFoundException;
import dev.rapport.api.error.RateLimitedException;
import dev.rapport.api.error.ValidationException;
import dev.rapport.api.status.CustomerStatus;
import dev.rapport.api.status.StatusView;
import dev.rapport.api.ticket.Opinion;
import dev.rapport.server.http.Exchange;
import dev.rapport.server.http.SecurityHeaders;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Customers' own view of their ticket, without a login (the token in the link is the credential; the SDK rate-limits
 * per address across nodes): {@code GET /status/{token}} serves the page as HTML, {@code GET
 * /api/v1/public/status/{token}} the same as JSON, and {@code POST /api/v1/public/status/{token}/confirmation} takes
 * the customer's confirmation as JSON (201 JSON) or as the page's form post (201 with a thank-you page; a refusal as
 * a page with its status). Unknown 404, answered 409, expired 410, rate-limited 429.
 */
public final class PublicStatusRoutes implements HttpService {
    /** Where the page is served: status links point here. */
    public static final String PAGE_PATH = "/status";
    private static final String API_PATH = "/api/v1/public/status/";
    private static final String FORM_TYPE = "application/x-www-form-urlencoded";
    private static final HeaderName CONTENT_SECURITY_POLICY = HeaderNames.create("Content-Security-Policy");
    private static final HeaderName REFERRER_POLICY = HeaderNames.create("Referrer-Policy");

    private final CustomerStatus status;
    private final ZoneId zone;
    private final Exchange http;

    /** @param zone the SDK's business zone, in which the pages show times */
    public PublicStatusRoutes(CustomerStatus status, ZoneId zone, Exchange http) {
        this.status = status;
        this.zone = zone;
        this.http = http;
    }

    /** {@code GET /status/{token}} and {@code POST /status/{token}/confirmation} under {@code /api/v1/public}. */
    @Override
    public void routing(HttpRules rules) {
        rules.get("/status/{token}", this::json)
                .post("/status/{token}/confirmation", this::confirm);
    }

    /** {@code GET /{token}} under {@value #PAGE_PATH}: the page, or one saying why there is none. */
    public HttpService pages() {
        return rules -> rules.get("/{token}", this::page);
    }

    private void json(ServerRequest req, ServerResponse res) {
        http.ok(res, body(status.view(http.param(req, "token"), address(req))));
    }

    private void page(ServerRequest req, ServerResponse res) {
        String token = http.param(req, "token");
        Optional<String> asked = http.query(req, "lang");
        StatusView view;
        try {
            view = status.view(token, address(req));
        } catch (NotFoundException e) {
            html(res, 404, pageIn(asked, req, Optional.empty()).unknown());
            return;
        } catch (GoneException e) {
            html(res, 410, pageIn(asked, req, Optional.empty()).expired());
            return;
        } catch (RateLimitedException e) {
            limited(res, e, pageIn(asked, req, Optional.empty()));
            return;
        }
        var page = pageIn(asked, req, Optional.of(view.locale()));
        html(res, 200, page.view(view, action(token), switchLink(page), Map.of(), List.of()));
    }

    private void confirm(ServerRequest req, ServerResponse res) {
        String token = http.param(req, "token");
        boolean fromForm = req.headers().first(HeaderNames.CONTENT_TYPE)
                .map(type -> type.toLowerCase(Locale.ROOT).startsWith(FORM_TYPE)).orElse(false);
        if (!fromForm) {
            var body = http.body(req);
            var opinion = body.required("opinion", body.enumValue("opinion", Opinion.class));
            var comment = body.optionalText("comment");
            body.requireValid();
            http.created(res, body(status.confirm(token, opinion, comment, address(req))));
            return;
        }
        var sent = PublicSurveyRoutes.formFields(http.rawBody(req));
        var page = pageIn(Optional.ofNullable(sent.get("lang")), req, Optional.empty());
        try {
            var opinion = opinion(sent.getOrDefault(StatusPage.OPINION, ""));
            var comment = Optional.ofNullable(sent.get(StatusPage.COMMENT)).filter(c -> !c.isBlank());
            var view = status.confirm(token, opinion, comment, address(req));
            html(res, 201, page.thanks(view.number()));
        } catch (ValidationException e) {
            refused(req, res, token, page, sent, e.errors());
        } catch (ConflictException e) {
            html(res, 409, page.answered());
        } catch (GoneException e) {
            html(res, 410, page.expired());
        } catch (NotFoundException e) {
            html(res, 404, page.unknown());
        } catch (RateLimitedException e) {
            limited(res, e, page);
        }
    }

    /** The page again with what was sent and why it was refused (422). */
    private void refused(ServerRequest req, ServerResponse res, String token, StatusPage page,
                         Map<String, String> sent, List<FieldError> errors) {
        StatusView view;
        try {
            view = status.view(token, address(req));
        } catch (NotFoundException e) {
            html(res, 404, page.unknown());
            return;
        } catch (GoneException e) {
            html(res, 410, page.expired());
            return;
        } catch (RateLimitedException e) {
            limited(res, e, page);
            return;
        }
        html(res, view.canConfirm() ? 422 : 409, view.canConfirm()
                ? page.view(view, action(token), switchLink(page), sent, errors) : page.answered());
    }

    /** A form's opinion: blank is missing (the SDK says so), anything but an opinion a field error. */
    private static Opinion opinion(String value) {
        if (value.isBlank()) {
            return null;
        }
        try {
            return Opinion.valueOf(value.strip());
        } catch (IllegalArgumentException e) {
            throw new ValidationException(FieldError.of(StatusPage.OPINION, "must be one of "
                    + List.of(Opinion.values())));
        }
    }

    /** API.md's answer: {number, status, title, progress:[{at, action}], solution, canConfirm}, and the expiry. */
    private static Map<String, Object> body(StatusView view) {
        var body = new LinkedHashMap<String, Object>();
        body.put("number", view.number());
        body.put("status", view.status());
        body.put("title", view.title().orElse(null));
        body.put("progress", view.progress().stream().map(e -> {
            var entry = new LinkedHashMap<String, Object>();
            entry.put("at", e.at());
            entry.put("action", e.action());
            return entry;
        }).toList());
        body.put("solution", view.solution().orElse(null));
        body.put("canConfirm", view.canConfirm());
        body.put("expiresAt", view.expiresAt());
        return body;
    }

    /** The page's language: {@code ?lang=} (or the form's), then {@code Accept-Language}, then the customer's. */
    private StatusPage pageIn(Optional<String> asked, ServerRequest req, Optional<Locale> customers) {
        return new StatusPage(PublicSurveyRoutes.pageLocale(asked, req, customers), zone);
    }

    private static String action(String token) {
        return API_PATH + URLEncoder.encode(token, StandardCharsets.UTF_8) + "/confirmation";
    }

    private static String switchLink(StatusPage page) {
        return "?lang=" + (page.locale().equals(PublicPage.CHINESE) ? "en" : "zh-CN");
    }

    private static String address(ServerRequest req) {
        return req.remotePeer().host();
    }

    private static void limited(ServerResponse res, RateLimitedException e, StatusPage page) {
        res.header(HeaderNames.RETRY_AFTER, Long.toString(Math.max(1, e.retryAfter().toSeconds())));
        html(res, 429, page.limited());
    }

    /** A page that is never cached, sniffed, framed or sent on as a referrer: its address holds the token. */
    private static void html(ServerResponse res, int status, String page) {
        res.status(status)
                .header(HeaderNames.CONTENT_TYPE, "text/html; charset=utf-8")
                .header(HeaderNames.CACHE_CONTROL, "no-store")
                .header(HeaderNames.X_CONTENT_TYPE_OPTIONS, "nosniff")
                .header(REFERRER_POLICY, SecurityHeaders.REFERRER_POLICY)
                .header(CONTENT_SECURITY_POLICY, SecurityHeaders.CONTENT_SECURITY_POLICY)
                .send(page.getBytes(StandardCharsets.UTF_8));
    }
}
