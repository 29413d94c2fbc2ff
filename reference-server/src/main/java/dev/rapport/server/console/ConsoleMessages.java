package dev.rapport.server.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Every text the web console shows, from resource bundles {@code dev/rapport/server/console/<area>_<locale>.properties}
 * (UTF-8), one per area of the console so that its texts stay beside each other. The console fetches one language's
 * texts as a single JSON object, prepared once.
 */
public final class ConsoleMessages {
    /** The console's areas, each a bundle. */
    public static final List<String> AREAS = List.of("common", "agent", "supervisor", "admin");
    /** The console's languages, by language tag: the first is the default. */
    public static final List<Locale> LANGUAGES = List.of(Locale.forLanguageTag("zh-CN"), Locale.ENGLISH);

    private static final String BASE = "dev.rapport.server.console.";
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final Map<String, byte[]> jsonByTag;

    private ConsoleMessages(Map<String, byte[]> jsonByTag) {
        this.jsonByTag = jsonByTag;
    }

    /** Loads every area in every language. @throws java.util.MissingResourceException when a bundle is missing */
    public static ConsoleMessages load(ObjectMapper mapper) {
        return new ConsoleMessages(LANGUAGES.stream().collect(Collectors.toUnmodifiableMap(Locale::toLanguageTag,
                locale -> json(mapper, texts(locale)))));
    }

    /** Every text of one language, keyed as the console asks for it. */
    public static Map<String, String> texts(Locale locale) {
        var texts = new TreeMap<String, String>();
        for (String area : AREAS) {
            var bundle = ResourceBundle.getBundle(BASE + area, locale, ConsoleMessages.class.getClassLoader(),
                    NO_FALLBACK);
            bundle.keySet().forEach(key -> texts.put(key, bundle.getString(key)));
        }
        return texts;
    }

    /** One language's texts as a JSON object, or empty for a language the console does not speak. */
    public Optional<byte[]> json(String languageTag) {
        return Optional.ofNullable(jsonByTag.get(languageTag));
    }

    private static byte[] json(ObjectMapper mapper, Map<String, String> texts) {
        try {
            return mapper.writeValueAsBytes(texts);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("console texts not serialisable", e);
        }
    }
}
