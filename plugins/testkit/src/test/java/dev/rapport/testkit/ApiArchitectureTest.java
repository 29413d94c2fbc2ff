package dev.rapport.testkit;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ApiArchitectureTest {
    private static JavaClasses api;

    @BeforeAll
    static void importApi() {
        api = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.rapport.api");
    }

    @Test
    void sdkApiDependsOnTheJdkOnly() {
        assertThat(api).isNotEmpty();
        RapportArchRules.API_DEPENDS_ON_JDK_ONLY.check(api);
    }

    @Test
    void sdkApiReadsNoWallClock() {
        RapportArchRules.TIME_ONLY_FROM_THE_CLOCK.check(api);
    }

    @Test
    void theTestKitItselfSeesTheSdkOnlyThroughItsApi() {
        var kit = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.rapport.testkit");

        assertThat(kit).isNotEmpty();
        RapportArchRules.PLUGINS_SEE_ONLY_THE_API.check(kit);
        RapportArchRules.TIME_ONLY_FROM_THE_CLOCK.check(kit);
    }
}
