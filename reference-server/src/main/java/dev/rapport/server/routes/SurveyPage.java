package dev.rapport.server.routes;

import dev.rapport.api.error.FieldError;
import dev.rapport.api.survey.SurveyAnswer;
import dev.rapport.api.survey.SurveyForm;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The public survey pages as HTML, in zh-CN or en, every text from {@code survey_<locale>.properties}: the form (a
 * fieldset with a legend per question, a labelled radio per score, keyboard usable with a visible focus), and the
 * pages that answer it. Self-contained (no scripts, fonts or images) and well-formed XML, so tests can parse them.
 * Nothing about the customer is shown; the ticket number is all a page names.
 */
final class SurveyPage extends PublicPage {
    /** The scores of the four 1–5 questions, then the 0–10 one. */
    static final List<String> FIVE_POINT = List.of("responseSpeed", "resolution", "attitude", "overall");
    static final String RECOMMEND = "recommend";
    static final String COMMENT = "comment";

    private static final String BUNDLE = "dev.rapport.server.routes.survey";
    /** Times as customers in the business zone read them, with the offset to be exact. */
    private final DateTimeFormatter times;

    /**
     * The pages in {@code locale} when it is one of {@link PublicPage#LANGUAGES}, else in Chinese; times in
     * {@code zone}, the SDK's business zone.
     */
    SurveyPage(Locale locale, ZoneId zone) {
        super(BUNDLE, locale);
        this.times = TIMES.withZone(zone);
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
        html.append("<input type=\"hidden\" name=\"lang\" value=\"").append(locale().toLanguageTag()).append("\"/>\n");
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
        return has(field) ? format(field) : field;
    }

    private String errorText(String field, Map<String, String> sent) {
        if (COMMENT.equals(field)) {
            return format("error.comment", Integer.toString(SurveyAnswer.MAX_COMMENT));
        }
        String value = sent.getOrDefault(field, "");
        return format(value.isBlank() ? "error.required" : "error.range");
    }
}
