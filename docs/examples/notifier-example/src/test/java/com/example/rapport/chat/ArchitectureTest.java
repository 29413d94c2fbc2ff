package com.example.rapport.chat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.rapport.testkit.RapportArchRules;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

// tag::architecture[]
class ArchitectureTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.example.rapport.chat");

    @Test
    void thePluginSeesRapportOnlyThroughItsApiAndReadsNoWallClock() {
        assertThat(MAIN).isNotEmpty();
        RapportArchRules.PLUGINS_SEE_ONLY_THE_API.check(MAIN);
        RapportArchRules.TIME_ONLY_FROM_THE_CLOCK.check(MAIN);
    }
}
// end::architecture[]
