package com.example.rapport.chat;

import dev.rapport.testkit.PluginArchitectureContract;

// tag::architecture[]
class ArchitectureTest extends PluginArchitectureContract {
    @Override
    protected String pluginPackage() {
        return "com.example.rapport.chat";
    }
}
// end::architecture[]
