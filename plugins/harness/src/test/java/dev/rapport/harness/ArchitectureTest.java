package dev.rapport.harness;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The harness embeds Rapport as a host does: through the SDK API and the {@code Rapport} entry point only. */
class ArchitectureTest {
    private final JavaClasses harness = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.rapport.harness");

    @Test
    void seesOfSdkCoreOnlyTheEntryPointAHostUses() {
        noClasses().should().dependOnClassesThat(describe("sdk-core types other than Rapport and its builder",
                        c -> c.getPackageName().startsWith("dev.rapport.core")
                                && !c.getName().equals("dev.rapport.core.Rapport")
                                && !c.getName().equals("dev.rapport.core.RapportBuilder")))
                .check(harness);
    }
}
