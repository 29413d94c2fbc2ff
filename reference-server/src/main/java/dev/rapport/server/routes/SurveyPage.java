package dev.rapport.server.routes;

import dev.rapport.api.error.FieldError;
import dev.rapport.api.survey.SurveyAnswer;
import dev.rapport.api.survey.SurveyForm;

import java.text.MessageFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;

/**
 * The public survey pages as HTML, in zh-CN or en, every text from {@code survey_<locale>.properties}: the form (a
 * fieldset with a legend per question, a labelled radio per score, keyboard usable with a visible focus), and the
 * pages that answer it. Self-contained (no scripts, fonts or images) and well-formed XML, so tests can parse them.
 * Nothing about the customer is shown; the ticket number is all a page names.
 */
final class SurveyPage {
    /** The languages of the pages. */
    static final Locale CHINESE = Locale.forLanguageTag("zh-CN");
    static final List<Locale> LANGUAGES = List.of(CHINESE, Locale.ENGLISH);
    /** The scores of the four 1–5 questions, then the 0–10 one. */
    static final List<String> FIVE_POINT = List.of("responseSpeed", "resolution", "attitude", "overall");
    static final String RECOMMEND = "recommend";
    static final String COMMENT = "comment";

    private static final String BUNDLE = "dev.rapport.server.routes.survey";
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
    /** Times with the offset, to be exact for a customer elsewhere; the zone is the SDK's business zone. */
    static final DateTimeFormatter TIMES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm xxx");
    /** The page's style sheet, a static file of the console (no inline style under the Content-Security-Policy). */
    static final String STYLE_SHEET = "/css/survey.css";

    private final ResourceBundle texts;
    private final Locale locale;
    private final DateTimeFormatter times;

    private SurveyPage(Locale locale, ZoneId zone) {
        this.locale = locale;
        this.texts = ResourceBundle.getBundle(BUNDLE, locale, NO_FALLBACK);
        this.times = TIMES.withZone(zone);
    }

    /** The pages in {@code locale}, one of {@link #LANGUAGES}, with times in {@code zone}, the business zone. */
    static SurveyPage in(Locale locale, ZoneId zone) {
        return new SurveyPage(LANGUAGES.contains(locale) ? locale : CHINESE, zone);
    }

    Locale locale() {
        return locale;
    }

    /**
     * The form of an INVITED survey, posting to {@code action}; after a refused answer with what was sent and each
     * field's error.
     */
    String form(SurveyForm survey, String action, String switchLink, Map<String, String> sent,
                List<FieldError> errors) {
        var html = new StringBuilder();
        html.append("<h1>").append(text("title")).append("</h1>\n");
        html.append("<p>").append(text("intro", survey.ticketNumber())).append("</p>\n");
        if (!errors.isEmpty()) {
            html.append("<div class=\"errors\" role=\"alert\" aria-labelledby=\"errors-title\">\n<h2 id=\"errors-title\">")
                    .append(text("errors.title")).append("</h2>\n<ul>\n");
            for (var error : errors) {
                html.append("<li><a href=\"#").append(escape(anchor(error.field()))).append("\">")
                        .append(escape(question(error.field()))).append(": ")
                        .append(escape(errorText(error.field(), sent))).append("</a></li>\n");
            }
            html.append("</ul>\n</div>\n");
        }
        html.append("<form method=\"post\" action=\"").append(escape(action))
                .append("\" accept-charset=\"utf-8\" novalidate=\"novalidate\">\n");
        html.append("<input type=\"hidden\" name=\"lang\" value=\"").append(locale.toLanguageTag()).append("\"/>\n");
        for (String field : FIVE_POINT) {
            scale(html, field, SurveyAnswer.MIN_SCORE, SurveyAnswer.MAX_SCORE, "five", sent, errors);
        }
        scale(html, RECOMMEND, SurveyAnswer.MIN_RECOMMEND, SurveyAnswer.MAX_RECOMMEND, "eleven", sent, errors);
        boolean commentInvalid = errors.stream().anyMatch(e -> e.field().equals(COMMENT));
        html.append("<div class=\"field\">\n<label for=\"comment\">").append(text("comment")).append("</label>\n")
                .append("<p class=\"hint\" id=\"comment-hint\">").append(text("comment.hint",
                        Integer.toString(SurveyAnswer.MAX_COMMENT))).append("</p>\n");
        if (commentInvalid) {
            html.append("<p class=\"error\" id=\"comment-error\">").append(escape(errorText(COMMENT, sent)))
                    .append("</p>\n");
        }
        html.append("<textarea id=\"comment\" name=\"comment\" rows=\"5\" maxlength=\"")
                .append(SurveyAnswer.MAX_COMMENT).append("\" aria-describedby=\"comment-hint")
                .append(commentInvalid ? " comment-error\" aria-invalid=\"true\" class=\"invalid" : "")
                .append("\">").append(escape(sent.getOrDefault(COMMENT, ""))).append("</textarea>\n</div>\n");
        html.append("<button type=\"submit\">").append(text("submit")).append("</button>\n</form>\n");
        html.append("<p>").append(text("open.until", times.format(survey.expiresAt()))).append("</p>\n");
        return page(text("title"), html.toString(), Optional.of(switchLink));
    }

    String thanks(String ticketNumber) {
        return message("thanks", ticketNumber);
    }

    String answered() {
        return message("answered");
    }

    String expired(String ticketNumber, Instant closedAt) {
        return message("expired", ticketNumber, times.format(closedAt));
    }

    String unknown() {
        return message("unknown");
    }

    String limited() {
        return message("limited");
    }

    private String message(String key, String... arguments) {
        return page(text(key + ".title"), "<h1>" + text(key + ".title") + "</h1>\n<p>" + text(key + ".body",
                arguments) + "</p>\n", Optional.empty());
    }

    private void scale(StringBuilder html, String field, int min, int max, String kind, Map<String, String> sent,
                       List<FieldError> errors) {
        boolean invalid = errors.stream().anyMatch(e -> e.field().equals(field));
        String described = field + "-hint" + (invalid ? " " + field + "-error" : "");
        html.append("<fieldset id=\"").append(field).append("\" aria-describedby=\"").append(described).append('"')
                .append(invalid ? " class=\"invalid\"" : "").append(">\n<legend>").append(text(field))
                .append("</legend>\n<p class=\"hint\" id=\"").append(field).append("-hint\">")
                .append(text("scale." + kind)).append("</p>\n");
        if (invalid) {
            html.append("<p class=\"error\" id=\"").append(field).append("-error\">")
                    .append(escape(errorText(field, sent))).append("</p>\n");
        }
        html.append("<div class=\"scale\">\n");
        for (int score = min; score <= max; score++) {
            String id = field + "-" + score;
            String label = score == min ? score + " (" + text("low." + kind) + ")"
                    : score == max ? score + " (" + text("high." + kind) + ")" : Integer.toString(score);
            html.append("<span class=\"option\"><input type=\"radio\" id=\"").append(id).append("\" name=\"")
                    .append(field).append("\" value=\"").append(score).append('"')
                    .append(Integer.toString(score).equals(sent.get(field)) ? " checked=\"checked\"" : "")
                    .append("/><label for=\"").append(id).append("\">").append(label).append("</label></span>\n");
        }
        html.append("</div>\n</fieldset>\n");
    }

    /** Where an error's link jumps to: the first radio of a scale, or the comment. */
    private static String anchor(String field) {
        return FIVE_POINT.contains(field) ? field + "-1" : RECOMMEND.equals(field) ? field + "-0" : COMMENT;
    }

    private String question(String field) {
        return texts.containsKey(field) ? format(field) : field;
    }

    private String errorText(String field, Map<String, String> sent) {
        if (COMMENT.equals(field)) {
            return format("error.comment", Integer.toString(SurveyAnswer.MAX_COMMENT));
        }
        String value = sent.getOrDefault(field, "");
        return format(value.isBlank() ? "error.required" : "error.range");
    }

    private String page(String title, String body, Optional<String> switchLink) {
        var html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"").append(locale.toLanguageTag()).append("\">\n")
                .append("<head>\n<meta charset=\"utf-8\"/>\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
                .append("<meta name=\"referrer\" content=\"no-referrer\"/>\n")
                .append("<title>").append(title).append("</title>\n<link rel=\"stylesheet\" href=\"").append(STYLE_SHEET).append("\"/>\n")
                .append("</head>\n<body>\n<main>\n");
        switchLink.ifPresent(link -> {
            String other = texts.getString("language.other");
            html.append("<p class=\"language\"><a href=\"").append(escape(link)).append("\" lang=\"").append(other)
                    .append("\" hreflang=\"").append(other).append("\">").append(escape(texts.getString("language.switch")))
                    .append("</a></p>\n");
        });
        return html.append(body).append("</main>\n</body>\n</html>\n").toString();
    }

    /** A text of the bundle with its arguments, HTML-escaped. */
    private String text(String key, String... arguments) {
        return escape(format(key, arguments));
    }

    private String format(String key, String... arguments) {
        return new MessageFormat(texts.getString(key), locale).format(arguments);
    }

    static String escape(String text) {
        var out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.appendCodePoint(c);
            }
        });
        return out.toString();
    }
}
