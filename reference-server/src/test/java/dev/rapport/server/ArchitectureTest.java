package dev.rapport.server;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.rapport.testkit.RapportArchRules;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ArchitectureTest {
    private static JavaClasses server;

    @BeforeAll
    static void importServer() {
        server = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.rapport.server");
    }

    @Test
    void theServerHoldsNoDomainRules() {
        assertThat(server).isNotEmpty();
        RapportArchRules.SERVER_HOLDS_NO_DOMAIN_RULES.check(server);
    }

    /** Not even the demo: its seeding goes through the public services, its password hash through the builder. */
    @Test
    void theServerUsesNoneOfTheCoresInternals() {
        RapportArchRules.NOTHING_OUTSIDE_THE_CORE_USES_ITS_INTERNALS.check(server);
    }

    @Test
    void theServerReadsTimeOnlyFromTheClock() {
        RapportArchRules.TIME_ONLY_FROM_THE_CLOCK.check(server);
    }
}
