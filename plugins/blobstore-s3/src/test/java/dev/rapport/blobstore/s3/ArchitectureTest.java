package dev.rapport.blobstore.s3;

import dev.rapport.testkit.PluginArchitectureContract;

import java.util.List;

/** Rapport's layering rules on this plugin's main code. */
class ArchitectureTest extends PluginArchitectureContract {
    @Override
    protected String pluginPackage() {
        return "dev.rapport.blobstore.s3";
    }

    @Override
    protected List<String> libraries() {
        return List.of("software.amazon.awssdk..");
    }
}
