package dev.rapport.core;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.rapport.testkit.RapportArchRules;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ArchitectureTest {
    private static JavaClasses core;

    @BeforeAll
    static void importCore() {
        core = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.rapport.core");
    }

    @Test
    void theCoreReachesNoInfrastructureDirectly() {
        assertThat(core).isNotEmpty();
        RapportArchRules.CORE_HAS_NO_INFRASTRUCTURE.check(core);
    }

    @Test
    void theCoreReadsTimeOnlyFromTheInjectedClock() {
        RapportArchRules.TIME_ONLY_FROM_THE_CLOCK.check(core);
    }
}
