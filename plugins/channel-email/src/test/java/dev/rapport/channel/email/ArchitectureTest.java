package dev.rapport.channel.email;

import dev.rapport.testkit.PluginArchitectureContract;

import java.util.List;

/** Rapport's layering rules on this plugin's main code. */
class ArchitectureTest extends PluginArchitectureContract {
    @Override
    protected String pluginPackage() {
        return "dev.rapport.channel.email";
    }

    @Override
    protected List<String> libraries() {
        return List.of("jakarta.mail..", "org.eclipse.angus.mail..");
    }
}
