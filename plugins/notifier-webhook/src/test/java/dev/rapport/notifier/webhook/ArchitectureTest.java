package dev.rapport.notifier.webhook;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.rapport.testkit.RapportArchRules;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

class ArchitectureTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.rapport.notifier.webhook");

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
    void onlyTheFactoryAndTheReceiversHelperArePublic() {
        classes().that().arePublic().should().haveSimpleName("WebhookNotifierFactory")
                .orShould().haveSimpleName("WebhookSignature")
                .because("hosts reach the notifier through the SPI and receivers check signatures with the helper")
                .check(MAIN);
    }

    @Test
    void theJdkIsAllItNeeds() {
        noClasses().should().dependOnClassesThat().resideOutsideOfPackages("java..", "javax.crypto..",
                        "dev.rapport.api..", "dev.rapport.notifier.webhook..")
                .because("the plugin brings no library whose version could clash with the host's")
                .check(MAIN);
    }
}
