package dev.rapport.server.routes;

import dev.rapport.api.error.ConflictException;
import dev.rapport.api.error.FieldError;
import dev.rapport.api.error.GoneException;
import dev.rapport.api.error.NotFoundException;
import dev.rapport.api.error.RateLimitedException;
import dev.rapport.api.error.ValidationException;
import dev.rapport.api.survey.SurveyAnswer;
import dev.rapport.api.survey.SurveyForm;
import dev.rapport.api.survey.SurveyState;
import dev.rapport.api.survey.Surveys;
import dev.rapport.server.http.BadRequestException;
import dev.rapport.server.http.Exchange;
import dev.rapport.server.http.SecurityHeaders;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The customer's side of satisfaction surveys, without a login (the token in the link is the credential; the SDK
 * rate-limits per address): {@code GET /survey/{token}} serves the form as HTML, and
 * {@code POST /api/v1/public/surveys/{token}} takes the answer as JSON (201 JSON) or as the form's
 * {@code application/x-www-form-urlencoded} post (201 with a thank-you page; a refusal as a page with its status).
 */
public final class PublicSurveyRoutes implements HttpService {
    /** Where the form is served: links of the {@code link} survey provider point here. */
    public static final String PAGE_PATH = "/survey";
    private static final String ANSWER_PATH = "/api/v1/public/surveys/";
    private static final String FORM_TYPE = "application/x-www-form-urlencoded";
    private static final HeaderName CONTENT_SECURITY_POLICY = HeaderNames.create("Content-Security-Policy");
    private static final HeaderName REFERRER_POLICY = HeaderNames.create("Referrer-Policy");

    private final Surveys surveys;
    private final ZoneId zone;
    private final Exchange http;

    /** @param zone the SDK's business zone, in which the pages show times */
    public PublicSurveyRoutes(Surveys surveys, ZoneId zone, Exchange http) {
        this.surveys = surveys;
        this.zone = zone;
        this.http = http;
    }

    /** {@code POST /surveys/{token}} under {@code /api/v1/public}. */
    @Override
    public void routing(HttpRules rules) {
        rules.post("/surveys/{token}", this::answer);
    }

    /** {@code GET /{token}} under {@value #PAGE_PATH}: the form, or a page saying why there is none. */
    public HttpService pages() {
        return rules -> rules.get("/{token}", this::page);
    }

    private void page(ServerRequest req, ServerResponse res) {
        String token = http.param(req, "token");
        Optional<String> asked = http.query(req, "lang");
        SurveyForm form;
        try {
            form = surveys.form(token, address(req));
        } catch (NotFoundException e) {
            html(res, 404, pageIn(asked, req, Optional.empty()).unknown());
            return;
        } catch (RateLimitedException e) {
            limited(res, e, pageIn(asked, req, Optional.empty()));
            return;
        }
        var page = pageIn(asked, req, Optional.of(form.locale()));
        switch (form.state()) {
            case ANSWERED -> html(res, 409, page.answered());
            case EXPIRED -> html(res, 410, page.expired(form.ticketNumber(), form.expiresAt()));
            default -> html(res, 200, page.form(form, action(token), switchLink(page), Map.of(), List.of()));
        }
    }

    private void answer(ServerRequest req, ServerResponse res) {
        String token = http.param(req, "token");
        boolean fromForm = req.headers().first(HeaderNames.CONTENT_TYPE)
                .map(type -> type.toLowerCase(Locale.ROOT).startsWith(FORM_TYPE)).orElse(false);
        if (!fromForm) {
            var body = http.body(req);
            var answer = new SurveyAnswer(body.integer("responseSpeed"), body.integer("resolution"),
                    body.integer("attitude"), body.integer("overall"), body.integer("recommend"),
                    body.optionalText("comment"));
            body.requireValid();
            http.created(res, surveys.answer(token, answer, address(req)));
            return;
        }
        var sent = formFields(http.rawBody(req));
        var page = pageIn(Optional.ofNullable(sent.get("lang")), req, Optional.empty());
        try {
            var form = surveys.answer(token, formAnswer(sent), address(req));
            html(res, 201, page.thanks(form.ticketNumber()));
        } catch (ValidationException e) {
            refusedAnswer(req, res, token, page, sent, e.errors());
        } catch (ConflictException e) {
            html(res, 409, page.answered());
        } catch (GoneException e) {
            var form = surveys.form(token, address(req));
            html(res, 410, page.expired(form.ticketNumber(), form.expiresAt()));
        } catch (NotFoundException e) {
            html(res, 404, page.unknown());
        } catch (RateLimitedException e) {
            limited(res, e, page);
        }
    }

    /** The form again with what was sent and why it was refused (422). */
    private void refusedAnswer(ServerRequest req, ServerResponse res, String token, SurveyPage page,
                               Map<String, String> sent, List<FieldError> errors) {
        SurveyForm form;
        try {
            form = surveys.form(token, address(req));
        } catch (NotFoundException e) {
            html(res, 404, page.unknown());
            return;
        } catch (RateLimitedException e) {
            limited(res, e, page);
            return;
        }
        if (form.state() != SurveyState.INVITED) {
            html(res, form.state() == SurveyState.ANSWERED ? 409 : 410, form.state() == SurveyState.ANSWERED
                    ? page.answered() : page.expired(form.ticketNumber(), form.expiresAt()));
            return;
        }
        html(res, 422, page.form(form, action(token), switchLink(page), sent, errors));
    }

    /** A form's scores: absent or blank is missing, anything but a whole number a field error. */
    private static SurveyAnswer formAnswer(Map<String, String> sent) {
        var errors = new ArrayList<FieldError>();
        var scores = new HashMap<String, Integer>();
        var fields = new ArrayList<>(SurveyPage.FIVE_POINT);
        fields.add(SurveyPage.RECOMMEND);
        for (String field : fields) {
            String value = sent.getOrDefault(field, "").strip();
            if (value.isEmpty()) {
                continue;
            }
            try {
                scores.put(field, Integer.parseInt(value));
            } catch (NumberFormatException e) {
                errors.add(FieldError.of(field, "must be a whole number"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new SurveyAnswer(scores.get("responseSpeed"), scores.get("resolution"), scores.get("attitude"),
                scores.get("overall"), scores.get(SurveyPage.RECOMMEND),
                Optional.ofNullable(sent.get(SurveyPage.COMMENT)));
    }

    /** The first value of each field of a form post; the status page's form posts the same way. */
    static Map<String, String> formFields(byte[] body) {
        var fields = new LinkedHashMap<String, String>();
        String text = new String(body, StandardCharsets.UTF_8);
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            try {
                String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
                String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
                fields.putIfAbsent(name, value);
            } catch (IllegalArgumentException e) {
                throw new BadRequestException("The form's body is not well-formed");
            }
        }
        return fields;
    }

    /** The page's language: {@code ?lang=} (or the form's), then {@code Accept-Language}, then the survey's. */
    private SurveyPage pageIn(Optional<String> asked, ServerRequest req, Optional<Locale> surveys) {
        return new SurveyPage(pageLocale(asked, req, surveys), zone);
    }

    /**
     * A public page's language: {@code ?lang=} (or the form's), then {@code Accept-Language}, then {@code fallback}
     * (the customer's), then Chinese.
     */
    static Locale pageLocale(Optional<String> asked, ServerRequest req, Optional<Locale> fallback) {
        return asked.flatMap(PublicSurveyRoutes::supported)
                .or(() -> req.headers().first(HeaderNames.ACCEPT_LANGUAGE).flatMap(PublicSurveyRoutes::preferred))
                .or(() -> fallback)
                .orElse(PublicPage.CHINESE);
    }

    /** The first language of an {@code Accept-Language} header the pages are written in. */
    static Optional<Locale> preferred(String header) {
        try {
            return Locale.LanguageRange.parse(header).stream().map(Locale.LanguageRange::getRange)
                    .filter(range -> !range.equals("*")).map(PublicSurveyRoutes::supported)
                    .flatMap(Optional::stream).findFirst();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Any Chinese is the pages' Chinese, any English their English. */
    static Optional<Locale> supported(String tag) {
        String language = Locale.forLanguageTag(tag.strip()).getLanguage();
        return switch (language) {
            case "zh" -> Optional.of(PublicPage.CHINESE);
            case "en" -> Optional.of(Locale.ENGLISH);
            default -> Optional.empty();
        };
    }

    private static String action(String token) {
        return ANSWER_PATH + URLEncoder.encode(token, StandardCharsets.UTF_8);
    }

    private static String switchLink(SurveyPage page) {
        return "?lang=" + (page.locale().equals(PublicPage.CHINESE) ? "en" : "zh-CN");
    }

    private static String address(ServerRequest req) {
        return req.remotePeer().host();
    }

    private static void limited(ServerResponse res, RateLimitedException e, SurveyPage page) {
        res.header(HeaderNames.RETRY_AFTER, Long.toString(Math.max(1, e.retryAfter().toSeconds())));
        html(res, 429, page.limited());
    }

    /**
     * A page that is never cached, sniffed, framed or sent on as a referrer (its address holds the token): the
     * headers of every answer ({@link dev.rapport.server.http.SecurityHeaders}), said again here for the page's sake.
     * Its style is the static {@value PublicPage#STYLE_SHEET}: the policy allows no inline style.
     */
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
