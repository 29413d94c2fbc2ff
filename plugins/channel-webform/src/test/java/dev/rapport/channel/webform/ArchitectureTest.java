package dev.rapport.channel.webform;

import dev.rapport.testkit.PluginArchitectureContract;

import java.util.List;

/** Rapport's layering rules on this plugin's main code. */
class ArchitectureTest extends PluginArchitectureContract {
    @Override
    protected String pluginPackage() {
        return "dev.rapport.channel.webform";
    }

    @Override
    protected List<String> libraries() {
        return List.of("com.fasterxml.jackson..");
    }
}
