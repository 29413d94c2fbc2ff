package dev.rapport.examples;

import dev.rapport.api.spi.ConfigKey;
import dev.rapport.api.spi.PluginFactory;
import dev.rapport.blobstore.fs.FileSystemBlobStoreFactory;
import dev.rapport.blobstore.s3.S3BlobStoreFactory;
import dev.rapport.channel.chat.ChatWebhookChannelFactory;
import dev.rapport.channel.email.EmailChannelFactory;
import dev.rapport.channel.webform.WebFormChannelFactory;
import dev.rapport.notifier.email.EmailNotifierFactory;
import dev.rapport.notifier.log.LogNotifierFactory;
import dev.rapport.notifier.webhook.WebhookNotifierFactory;
import dev.rapport.storage.jdbc.JdbcStorageFactory;
import dev.rapport.survey.link.LinkSurveyProviderFactory;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The guides' key tables say what the bundled factories declare ({@code PluginFactory.keys()}): the tables written
 * by hand name every declared key and no other, with its default, "required" and "secret" as declared; the tables
 * of the other bundled plugins are generated from the declarations and must be in the guide as generated.
 */
class KeyTablesTest {
    private static final Path GUIDE = Path.of("plugin-guide.md");
    private static final Path OPERATIONS = Path.of("operations.md");
    private static final Pattern CODE = Pattern.compile("`([^`]+)`");

    @Test
    void theHandWrittenTablesAgreeWithTheDeclarations() throws IOException {
        assertAgree(table(GUIDE, "### `log` (`rapport-notifier-log`)"), new LogNotifierFactory());
        assertAgree(table(GUIDE, "### `webhook` (`rapport-notifier-webhook`)"), new WebhookNotifierFactory());
        assertAgree(table(GUIDE, "### `email` (`rapport-notifier-email`)"), new EmailNotifierFactory());
        assertAgree(table(GUIDE, "## The bundled survey provider: `link`"), new LinkSurveyProviderFactory());
        assertAgree(table(OPERATIONS, "**`s3`**"), new S3BlobStoreFactory());
    }

    @Test
    void theOtherBundledPluginsTablesAreGeneratedFromTheDeclarations() throws IOException {
        String guide = Files.readString(GUIDE);

        for (PluginFactory<?> factory : List.of(new EmailChannelFactory(), new ChatWebhookChannelFactory(),
                new WebFormChannelFactory(), new FileSystemBlobStoreFactory(), new JdbcStorageFactory())) {
            assertThat(guide).as(factory.id()).contains(generated(factory));
        }
    }

    @Test
    void aTableMissingADeclaredKeyOrGivingAnotherDefaultDisagrees() {
        var rows = new LinkedHashMap<String, String>();
        rows.put("level", "| `level` | `DEBUG` | |");

        assertThatDisagree(rows, new LogNotifierFactory());
    }

    private static void assertThatDisagree(Map<String, String> rows, PluginFactory<?> factory) {
        try {
            assertAgree(rows, factory);
        } catch (AssertionError expected) {
            return;
        }
        throw new AssertionError("a table without logger and with another default passed");
    }

    /** The table's rows by each key their first cell names ({@code `connect-timeout`, `read-timeout`}: two keys). */
    private static Map<String, String> table(Path document, String anchor) throws IOException {
        List<String> lines = Files.readAllLines(document);
        int at = 0;
        while (!lines.get(at).contains(anchor)) {
            at++;
        }
        while (!lines.get(at).startsWith("|")) {
            at++;
        }
        var rows = new LinkedHashMap<String, String>();
        for (int i = at + 2; i < lines.size() && lines.get(i).startsWith("|"); i++) {
            String row = lines.get(i);
            Matcher keys = CODE.matcher(row.split("\\|")[1]);
            while (keys.find()) {
                rows.put(keys.group(1), row);
            }
        }
        return rows;
    }

    private static void assertAgree(Map<String, String> rows, PluginFactory<?> factory) {
        var declared = factory.keys();
        assertThat(rows.keySet()).as(factory.id() + ": the keys of its table")
                .containsExactlyInAnyOrderElementsOf(declared.stream().map(ConfigKey::name).toList());
        for (ConfigKey key : declared) {
            String row = rows.get(key.name());
            String defaultCell = row.split("\\|")[2];
            if (key.required()) {
                assertThat(defaultCell).as(factory.id() + ": " + key.name() + " is required").contains("required");
            }
            key.defaultValue().ifPresent(value -> assertThat(defaultCell)
                    .as(factory.id() + ": the default of " + key.name()).contains("`" + value + "`"));
            if (key.secret()) {
                assertThat(row).as(factory.id() + ": " + key.name() + " is secret").containsPattern("secret|never printed");
            }
        }
    }

    /** The Markdown table of {@code factory}'s declared keys, as the guide shows it. */
    static String generated(PluginFactory<?> factory) {
        String rows = factory.keys().stream().map(key -> "| `" + key.name() + "` | "
                        + (key.required() ? "required" : key.defaultValue().map(v -> "`" + v + "`").orElse("none"))
                        + (key.secret() ? ", secret" : "") + " | " + key.description()
                        + (key.minLength() > 0 ? "; at least " + key.minLength() + " characters" : "") + " |")
                .collect(Collectors.joining("\n"));
        return "| key | default | |\n|---|---|---|\n" + rows + "\n";
    }
}
