package dev.rapport.server.routes;

import java.text.MessageFormat;
import java.time.Instant;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The public web form page as HTML, in zh-CN or en, every text from {@code webform_<locale>.properties}: a labelled
 * control per field of API.md's web form, an error slot beside each ({@code aria-live}), a status line for the outcome,
 * and the honeypot {@code website}, hidden from people. No inline script or style: {@code /public/webform.js} posts
 * the form as JSON with its proof of work, {@code /public/webform.css} styles it. Well-formed XML, so tests can parse
 * it.
 */
final class WebFormPage {
    /** Where the page posts. */
    static final String ACTION = "/api/v1/public/webform";
    static final String SCRIPT = "/public/webform.js";
    static final String STYLE = "/public/webform.css";
    /** The texts the script shows, as {@code data-text-<key>} of the form. */
    private static final String[] SCRIPT_TEXTS = {"sending", "sent", "failed", "limited", "unavailable"};
    private static final String BUNDLE = "dev.rapport.server.routes.webform";
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final ResourceBundle texts;
    private final Locale locale;

    private WebFormPage(Locale locale) {
        this.locale = locale;
        this.texts = ResourceBundle.getBundle(BUNDLE, locale, NO_FALLBACK);
    }

    /** The page in {@code locale}: one of {@link PublicPage#LANGUAGES}. */
    static WebFormPage in(Locale locale) {
        return new WebFormPage(PublicPage.LANGUAGES.contains(locale) ? locale : PublicPage.CHINESE);
    }

    Locale locale() {
        return locale;
    }

    /**
     * The form. {@code now} is the server's time when the page is served: the script reckons the UTC day of the proof
     * of work by the server's clock, not the visitor's; {@code proofBits} is how many leading zero bits it seeks.
     */
    String form(Instant now, int proofBits, String switchLink) {
        var html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"").append(locale.toLanguageTag()).append("\">\n")
                .append("<head>\n<meta charset=\"utf-8\"/>\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
                .append("<title>").append(text("title")).append("</title>\n")
                .append("<link rel=\"stylesheet\" href=\"").append(STYLE).append("\"/>\n")
                .append("<script src=\"").append(SCRIPT).append("\" defer=\"defer\"></script>\n")
                .append("</head>\n<body>\n<main id=\"main\">\n");
        String other = texts.getString("language.other");
        html.append("<p class=\"language\"><a href=\"").append(escape(switchLink)).append("\" lang=\"").append(other)
                .append("\" hreflang=\"").append(other).append("\">").append(text("language.switch"))
                .append("</a></p>\n");
        html.append("<h1>").append(text("title")).append("</h1>\n");
        html.append("<p>").append(text("intro")).append("</p>\n");
        html.append("<noscript><p class=\"notice\">").append(text("nojs")).append("</p></noscript>\n");
        html.append("<form id=\"webform\" method=\"post\" action=\"").append(ACTION)
                .append("\" accept-charset=\"utf-8\" novalidate=\"novalidate\" data-now=\"").append(now.toEpochMilli())
                .append("\" data-proof-bits=\"").append(proofBits).append('"');
        for (String key : SCRIPT_TEXTS) {
            html.append(" data-text-").append(key).append("=\"").append(escape(texts.getString(key))).append('"');
        }
        html.append(">\n");
        html.append("<p id=\"webform-status\" class=\"status\" role=\"status\" aria-live=\"polite\"")
                .append(" tabindex=\"-1\"></p>\n");
        field(html, "name", "text", "name");
        html.append("<fieldset>\n<legend>").append(text("contact.hint")).append("</legend>\n");
        field(html, "email", "email", "email");
        field(html, "phone", "tel", "tel");
        html.append("</fieldset>\n");
        field(html, "subject", "text", "off");
        html.append("<div class=\"field\" data-field=\"message\">\n<label for=\"message\">").append(text("message"))
                .append(" <span class=\"required\">(").append(text("required")).append(")</span></label>\n")
                .append("<textarea id=\"message\" name=\"message\" rows=\"8\" required=\"required\"")
                .append(" aria-required=\"true\" aria-describedby=\"message-error\"></textarea>\n");
        error(html, "message");
        html.append("</div>\n");
        // The honeypot: out of sight and out of reach for people and assistive technology, but a bot fills it in.
        html.append("<div class=\"honeypot\" aria-hidden=\"true\">\n<label for=\"website\">").append(text("website"))
                .append("</label>\n<input type=\"text\" id=\"website\" name=\"website\" value=\"\" tabindex=\"-1\"")
                .append(" autocomplete=\"off\"/>\n</div>\n");
        html.append("<button type=\"submit\">").append(text("submit")).append("</button>\n</form>\n");
        return html.append("</main>\n</body>\n</html>\n").toString();
    }

    private void field(StringBuilder html, String name, String type, String autocomplete) {
        html.append("<div class=\"field\" data-field=\"").append(name).append("\">\n<label for=\"").append(name)
                .append("\">").append(text(name)).append("</label>\n<input type=\"").append(type).append("\" id=\"")
                .append(name).append("\" name=\"").append(name).append("\" autocomplete=\"").append(autocomplete)
                .append("\" aria-describedby=\"").append(name).append("-error\"/>\n");
        error(html, name);
        html.append("</div>\n");
    }

    private static void error(StringBuilder html, String name) {
        html.append("<p class=\"field-error\" id=\"").append(name).append("-error\" aria-live=\"polite\"></p>\n");
    }

    private String text(String key, String... arguments) {
        return escape(new MessageFormat(texts.getString(key), locale).format(arguments));
    }

    private static String escape(String text) {
        return PublicPage.escape(text);
    }
}
