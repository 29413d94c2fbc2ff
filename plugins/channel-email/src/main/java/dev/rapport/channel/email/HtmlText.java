package dev.rapport.channel.email;

import java.util.Map;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The readable text of an HTML body, for messages that come without a text/plain part: blocks and line breaks become
 * lines, list items dashes, entities characters; scripts, styles, comments and every other tag go.
 */
final class HtmlText {
    private static final Pattern INVISIBLE = Pattern.compile(
            "<!--.*?-->|<(script|style|head|title)\\b[^>]*>.*?</\\1\\s*>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern LIST_ITEM = Pattern.compile("<li\\b[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern LINE_BREAK = Pattern.compile(
            "<(br|hr)\\b[^>]*>|</?(p|div|tr|h[1-6]|ul|ol|table|blockquote|pre|section|article|header|footer)\\b[^>]*>",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CELL = Pattern.compile("</t[dh]\\s*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});");
    private static final Pattern SPACE_AROUND_LINES = Pattern.compile(" *\n *");
    private static final Pattern BLANK_LINES = Pattern.compile("\n{3,}");
    private static final Map<String, String> NAMED = Map.ofEntries(
            Map.entry("nbsp", " "), Map.entry("amp", "&"), Map.entry("lt", "<"), Map.entry("gt", ">"),
            Map.entry("quot", "\""), Map.entry("apos", "'"), Map.entry("copy", "©"), Map.entry("reg", "®"),
            Map.entry("mdash", "—"), Map.entry("ndash", "–"), Map.entry("hellip", "…"), Map.entry("middot", "·"),
            Map.entry("ldquo", "“"), Map.entry("rdquo", "”"), Map.entry("lsquo", "‘"), Map.entry("rsquo", "’"),
            Map.entry("yen", "¥"), Map.entry("euro", "€"), Map.entry("times", "×"));

    private HtmlText() {
    }

    static String of(String html) {
        String text = INVISIBLE.matcher(html).replaceAll(" ");
        text = WHITESPACE.matcher(text).replaceAll(" ");
        text = LIST_ITEM.matcher(text).replaceAll("\n- ");
        text = LINE_BREAK.matcher(text).replaceAll("\n");
        text = CELL.matcher(text).replaceAll(" ");
        text = TAG.matcher(text).replaceAll("");
        text = ENTITY.matcher(text).replaceAll(HtmlText::character);
        text = text.replace('\u00a0', ' ');
        text = SPACE_AROUND_LINES.matcher(text).replaceAll("\n");
        return BLANK_LINES.matcher(text).replaceAll("\n\n").strip();
    }

    private static String character(MatchResult entity) {
        String name = entity.group(1);
        String replacement;
        if (name.startsWith("#")) {
            boolean hex = name.length() > 1 && (name.charAt(1) == 'x' || name.charAt(1) == 'X');
            int codePoint = Integer.parseInt(name.substring(hex ? 2 : 1), hex ? 16 : 10);
            replacement = Character.isValidCodePoint(codePoint) && codePoint != 0
                    ? Character.toString(codePoint) : "\uFFFD";
        } else {
            replacement = NAMED.getOrDefault(name, entity.group());
        }
        return Matcher.quoteReplacement(replacement);
    }
}
