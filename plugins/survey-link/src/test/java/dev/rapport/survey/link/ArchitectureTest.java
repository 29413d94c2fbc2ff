package dev.rapport.survey.link;

import dev.rapport.testkit.PluginArchitectureContract;

/** Rapport's layering rules on this plugin's main code. */
class ArchitectureTest extends PluginArchitectureContract {
    @Override
    protected String pluginPackage() {
        return "dev.rapport.survey.link";
    }
}
