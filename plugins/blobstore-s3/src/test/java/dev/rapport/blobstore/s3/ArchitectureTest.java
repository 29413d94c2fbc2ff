package dev.rapport.blobstore.s3;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.rapport.testkit.RapportArchRules;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;

class ArchitectureTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.rapport.blobstore.s3");

    @Test
    void mainCodeSeesTheSdkOnlyThroughItsApi() {
        assertThat(MAIN).as("the rules below would pass on nothing").isNotEmpty();
        RapportArchRules.PLUGINS_SEE_ONLY_THE_API.check(MAIN);
    }

    @Test
    void mainCodeReadsTimeOnlyFromTheSdksClock() {
        RapportArchRules.TIME_ONLY_FROM_THE_CLOCK.check(MAIN);
    }

    @Test
    void onlyTheFactoryIsPublic() {
        classes().that().arePublic().should().haveSimpleName("S3BlobStoreFactory")
                .because("hosts reach the store through the SPI; everything else may change freely")
                .check(MAIN);
    }
}
