package dev.rapport.core;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.rapport.testkit.RapportArchRules;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
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

    /**
     * A host sees the entry point, its builder and the few types the builder takes; everything else lives under
     * {@code dev.rapport.core.internal}, which no host, plugin or the reference server may import. A new public type
     * outside it is a decision, made here.
     */
    @Test
    void theOnlyPublicTypesOutsideInternalAreWhatAHostNeeds() {
        var surface = core.stream()
                .filter(c -> c.getModifiers().contains(JavaModifier.PUBLIC) && c.getEnclosingClass().isEmpty())
                .filter(c -> !c.getPackageName().startsWith("dev.rapport.core.internal"))
                .map(JavaClass::getSimpleName).sorted().toList();
        assertThat(surface).containsExactly("LoginThrottlePolicy", "PhoneNumberRule", "Rapport", "RapportBuilder",
                "ReviewThresholds", "ServiceRecovery");
    }

    @Test
    void theHostSurfaceNamesNoInternalType() {
        RapportArchRules.HOST_SURFACE_NAMES_NO_INTERNAL_TYPE.check(core);
    }

    /**
     * The implementation's packages depend on one another one way only (event delivery uses the plugin machinery, the
     * plugin machinery knows nothing of events, and so on), so each can be read, and changed, from the bottom up.
     */
    @Test
    void theInternalPackagesHaveNoCycles() {
        slices().matching("dev.rapport.core.internal.(*)..").should().beFreeOfCycles().check(core);
    }
}
