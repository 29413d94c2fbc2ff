package dev.rapport.server;

import dev.rapport.server.console.ConsoleMessages;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The console speaks both languages fully, and only through its resource bundles. */
class ConsoleMessagesTest {
    private static final Path ASSETS = Path.of("src/main/resources/console");
    /** t('key'), t("key"), and data-i18n*="key" attributes. */
    private static final Pattern REFERENCE = Pattern.compile(
            "\\bt\\(\\s*['\"]([a-zA-Z0-9._-]+)['\"]|data-i18n(?:-[a-z-]+)?=\"([a-zA-Z0-9._-]+)\"");
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

    @Test
    void everyTextExistsInChineseAndInEnglish() {
        var chinese = ConsoleMessages.texts(Locale.forLanguageTag("zh-CN")).keySet();
        var english = ConsoleMessages.texts(Locale.ENGLISH).keySet();

        assertThat(chinese).isNotEmpty().isEqualTo(english);
    }

    @Test
    void noKeyIsDefinedByTwoAreas() {
        var seen = new TreeSet<String>();
        var twice = new TreeSet<String>();
        for (String area : ConsoleMessages.AREAS) {
            var bundle = ResourceBundle.getBundle("dev.rapport.server.console." + area, Locale.ENGLISH,
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
            bundle.keySet().stream().filter(key -> !seen.add(key)).forEach(twice::add);
        }

        assertThat(twice).isEmpty();
    }

    @Test
    void everyTextTheAssetsAskForExists() throws IOException {
        var known = ConsoleMessages.texts(Locale.ENGLISH).keySet();
        var missing = new TreeSet<String>();
        for (Path asset : assets()) {
            var matcher = REFERENCE.matcher(Files.readString(asset));
            while (matcher.find()) {
                String key = matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
                if (!known.contains(key)) {
                    missing.add(ASSETS.relativize(asset) + ": " + key);
                }
            }
        }

        assertThat(missing).isEmpty();
    }

    @Test
    void noChineseTextIsWrittenIntoTheAssets() throws IOException {
        var written = new TreeSet<String>();
        for (Path asset : assets()) {
            if (HAN.matcher(Files.readString(asset)).find()) {
                written.add(ASSETS.relativize(asset).toString());
            }
        }

        assertThat(written).as("texts belong in the resource bundles").isEmpty();
    }

    private static Set<Path> assets() throws IOException {
        try (Stream<Path> files = Files.walk(ASSETS)) {
            return files.filter(f -> f.toString().endsWith(".js") || f.toString().endsWith(".html"))
                    .collect(java.util.stream.Collectors.toCollection(TreeSet::new));
        }
    }
}
