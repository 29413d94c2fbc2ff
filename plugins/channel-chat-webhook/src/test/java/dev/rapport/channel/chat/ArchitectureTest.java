package dev.rapport.channel.chat;

import dev.rapport.testkit.PluginArchitectureContract;

import java.util.List;

/** Rapport's layering rules on this plugin's main code. */
class ArchitectureTest extends PluginArchitectureContract {
    @Override
    protected String pluginPackage() {
        return "dev.rapport.channel.chat";
    }

    @Override
    protected List<String> libraries() {
        return List.of("com.fasterxml.jackson..");
    }
}
