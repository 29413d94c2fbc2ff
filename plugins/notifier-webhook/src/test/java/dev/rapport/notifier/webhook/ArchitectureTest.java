package dev.rapport.notifier.webhook;

import dev.rapport.testkit.PluginArchitectureContract;

import java.util.Set;

/** Rapport's layering rules on this plugin's main code. */
class ArchitectureTest extends PluginArchitectureContract {
    @Override
    protected String pluginPackage() {
        return "dev.rapport.notifier.webhook";
    }

    /** Receivers check signatures with it. */
    @Override
    protected Set<String> alsoPublic() {
        return Set.of("dev.rapport.notifier.webhook.WebhookSignature");
    }
}
