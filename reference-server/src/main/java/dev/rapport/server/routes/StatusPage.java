package dev.rapport.server.routes;

import dev.rapport.api.error.FieldError;
import dev.rapport.api.status.StatusView;
import dev.rapport.api.ticket.Opinion;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The customers' status pages as HTML, in zh-CN or en, every text from {@code status_<locale>.properties}, in the
 * style of the survey pages: the ticket's status, customer-visible progress and solution, and while the resolution
 * takes an answer a form (a fieldset with a legend, a labelled radio per opinion, a labelled comment) that posts
 * without scripts. Self-contained and well-formed XML. No staff names, no internal notes, nothing of the customer's.
 */
final class StatusPage extends PublicPage {
    static final String OPINION = "opinion";
    static final String COMMENT = "comment";
    static final int MAX_COMMENT = 2_000;

    private static final String BUNDLE = "dev.rapport.server.routes.status";
    /** Times as customers in the business zone read them, with the offset to be exact. */
    private final DateTimeFormatter times;

    /**
     * The pages in {@code locale} when it is one of {@link PublicPage#LANGUAGES}, else in Chinese; times in
     * {@code zone}, the SDK's business zone.
     */
    StatusPage(Locale locale, ZoneId zone) {
        super(BUNDLE, locale);
        this.times = TIMES.withZone(zone);
    }

    /** The ticket, and the form while it takes an answer; after a refused answer with what was sent and why. */
    String view(StatusView view, String action, String switchLink, Map<String, String> sent,
                List<FieldError> errors) {
        var html = new StringBuilder();
        html.append("<h1>").append(text("title", view.number())).append("</h1>\n<dl class=\"facts\">\n");
        view.title().ifPresent(title -> html.append("<dt>").append(text("subject")).append("</dt><dd>")
                .append(escape(title)).append("</dd>\n"));
        html.append("<dt>").append(text("status")).append("</dt><dd>").append(text("status." + view.status()))
                .append("</dd>\n</dl>\n");
        html.append("<h2>").append(text("progress")).append("</h2>\n");
        if (view.progress().isEmpty()) {
            html.append("<p>").append(text("progress.none")).append("</p>\n");
        } else {
            html.append("<ol>\n");
            view.progress().forEach(entry -> html.append("<li><time datetime=\"").append(entry.at()).append("\">")
                    .append(times.format(entry.at())).append("</time>: ").append(escape(entry.action()))
                    .append("</li>\n"));
            html.append("</ol>\n");
        }
        view.solution().ifPresent(solution -> html.append("<h2>").append(text("solution")).append("</h2>\n<p>")
                .append(escape(solution)).append("</p>\n"));
        if (view.canConfirm()) {
            form(html, view, action, sent, errors);
        }
        return page(text("title", view.number()), html.toString(), Optional.of(switchLink));
    }

    private void form(StringBuilder html, StatusView view, String action, Map<String, String> sent,
                      List<FieldError> errors) {
        if (!errors.isEmpty()) {
            html.append("<div class=\"errors\" role=\"alert\" aria-labelledby=\"errors-title\">\n<h2 id=\"errors-title\">")
                    .append(text("errors.title")).append("</h2>\n<ul>\n");
            for (var error : errors) {
                String field = COMMENT.equals(error.field()) ? COMMENT : OPINION;
                html.append("<li><a href=\"#").append(field.equals(COMMENT) ? COMMENT : OPINION + "-SATISFIED")
                        .append("\">").append(errorText(field)).append("</a></li>\n");
            }
            html.append("</ul>\n</div>\n");
        }
        boolean opinionInvalid = errors.stream().anyMatch(e -> !e.field().equals(COMMENT));
        boolean commentInvalid = errors.stream().anyMatch(e -> e.field().equals(COMMENT));
        html.append("<form method=\"post\" action=\"").append(escape(action))
                .append("\" accept-charset=\"utf-8\" novalidate=\"novalidate\">\n");
        html.append("<input type=\"hidden\" name=\"lang\" value=\"").append(locale().toLanguageTag()).append("\"/>\n");
        html.append("<fieldset id=\"opinion\"").append(opinionInvalid ? " class=\"invalid\" aria-describedby=\"opinion-error\"" : "")
                .append(">\n<legend>").append(text("confirm.legend")).append("</legend>\n");
        if (opinionInvalid) {
            html.append("<p class=\"error\" id=\"opinion-error\">").append(errorText(OPINION)).append("</p>\n");
        }
        html.append("<div class=\"choices\">\n");
        for (var opinion : Opinion.values()) {
            String id = OPINION + "-" + opinion;
            html.append("<div class=\"option\"><input type=\"radio\" id=\"").append(id).append("\" name=\"")
                    .append(OPINION).append("\" value=\"").append(opinion).append('"')
                    .append(opinion.name().equals(sent.get(OPINION)) ? " checked=\"checked\"" : "")
                    .append("/><label for=\"").append(id).append("\">").append(text("opinion." + opinion))
                    .append("</label></div>\n");
        }
        html.append("</div>\n</fieldset>\n");
        html.append("<div class=\"field\">\n<label for=\"comment\">").append(text("comment")).append("</label>\n")
                .append("<p class=\"hint\" id=\"comment-hint\">")
                .append(text("comment.hint", Integer.toString(MAX_COMMENT))).append("</p>\n");
        if (commentInvalid) {
            html.append("<p class=\"error\" id=\"comment-error\">").append(errorText(COMMENT)).append("</p>\n");
        }
        html.append("<textarea id=\"comment\" name=\"comment\" rows=\"5\" maxlength=\"").append(MAX_COMMENT)
                .append("\" aria-describedby=\"comment-hint")
                .append(commentInvalid ? " comment-error\" aria-invalid=\"true\" class=\"invalid" : "")
                .append("\">").append(escape(sent.getOrDefault(COMMENT, ""))).append("</textarea>\n</div>\n");
        html.append("<button type=\"submit\">").append(text("submit")).append("</button>\n</form>\n");
        html.append("<p>").append(text("open.until", times.format(view.expiresAt()))).append("</p>\n");
    }

    String thanks(String ticketNumber) {
        return message("thanks", ticketNumber);
    }

    String answered() {
        return message("answered");
    }

    String expired() {
        return message("expired");
    }

    String unknown() {
        return message("unknown");
    }

    String limited() {
        return message("limited");
    }

    private String errorText(String field) {
        return COMMENT.equals(field) ? text("error.comment", Integer.toString(MAX_COMMENT)) : text("error.opinion");
    }
}
