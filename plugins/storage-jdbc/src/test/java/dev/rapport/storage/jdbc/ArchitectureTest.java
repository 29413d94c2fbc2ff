package dev.rapport.storage.jdbc;

import dev.rapport.testkit.PluginArchitectureContract;

import java.util.List;
import java.util.Set;

/** Rapport's layering rules on this plugin's main code. */
class ArchitectureTest extends PluginArchitectureContract {
    @Override
    protected String pluginPackage() {
        return "dev.rapport.storage.jdbc";
    }

    /** The search form: H2 calls its functions by name, and bulk loaders write its columns. */
    @Override
    protected Set<String> alsoPublic() {
        return Set.of("dev.rapport.storage.jdbc.search..");
    }

    @Override
    protected List<String> libraries() {
        return List.of("org.jdbi..", "com.zaxxer.hikari..", "org.flywaydb..", "org.h2..", "org.postgresql..",
                "com.fasterxml.jackson..");
    }
}
