package dev.rapport.storage.jdbc;

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
            .importPackages("dev.rapport.storage.jdbc");

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
    void onlyTheFactoriesAndTheSearchFormArePublic() {
        classes().that().arePublic().and().resideOutsideOfPackage("dev.rapport.storage.jdbc.search")
                .should().haveSimpleName("JdbcStorageFactory").orShould().haveSimpleName("JdbcBlobStoreFactory")
                .because("hosts reach the storage through the SPI; everything else may change freely, except the "
                        + "search form: H2 calls its functions by name, and bulk loaders must write its columns")
                .check(MAIN);
    }
}
