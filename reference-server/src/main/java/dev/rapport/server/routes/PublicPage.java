package dev.rapport.server.routes;

import java.text.MessageFormat;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;

/**
 * What the customers' own pages (the survey and the status page) share: their language, zh-CN or en, with its texts
 * from one bundle and no fallback to another language; the page frame around a body (one style sheet, no scripts, no
 * referrer, a link to the other language); the one-message pages; and HTML escaping. Well-formed XML throughout.
 */
abstract class PublicPage {
    /** The languages of the pages. */
    static final Locale CHINESE = Locale.forLanguageTag("zh-CN");
    static final List<Locale> LANGUAGES = List.of(CHINESE, Locale.ENGLISH);
    /** The pages' style sheet, a static file of the console (no inline style under the Content-Security-Policy). */
    static final String STYLE_SHEET = "/css/survey.css";
    /** Times with the offset, to be exact for a customer elsewhere; each page gives it the business zone. */
    static final DateTimeFormatter TIMES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm xxx");

    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final ResourceBundle texts;
    private final Locale locale;

    /** The texts of {@code bundle} in {@code locale} when it is one of {@link #LANGUAGES}, else in Chinese. */
    protected PublicPage(String bundle, Locale locale) {
        this.locale = LANGUAGES.contains(locale) ? locale : CHINESE;
        this.texts = ResourceBundle.getBundle(bundle, this.locale, NO_FALLBACK);
    }

    Locale locale() {
        return locale;
    }

    boolean has(String key) {
        return texts.containsKey(key);
    }

    /** A text of the bundle with its arguments, HTML-escaped. */
    String text(String key, String... arguments) {
        return escape(format(key, arguments));
    }

    /** A text of the bundle with its arguments, as it is: escape it before it goes into a page. */
    String format(String key, String... arguments) {
        return new MessageFormat(texts.getString(key), locale).format(arguments);
    }

    /** A page of one message: the texts {@code key.title} and {@code key.body}, the latter with its arguments. */
    String message(String key, String... arguments) {
        return page(text(key + ".title"), "<h1>" + text(key + ".title") + "</h1>\n<p>" + text(key + ".body",
                arguments) + "</p>\n", Optional.empty());
    }

    /** {@code body} (HTML) in the frame, titled {@code title} (HTML), with a link to the other language if given. */
    String page(String title, String body, Optional<String> switchLink) {
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
