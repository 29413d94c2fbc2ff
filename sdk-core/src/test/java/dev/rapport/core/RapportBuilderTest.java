package dev.rapport.core;

import dev.rapport.api.PageRequest;
import dev.rapport.api.security.Actor;
import dev.rapport.api.spi.PluginConfigException;
import org.junit.jupiter.api.Test;

import static dev.rapport.core.testing.Fixtures.aCustomer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RapportBuilderTest {
    @Test
    void withoutAnySettingItRunsOnAnEmbeddedDatabaseWithTheSpecDefaults() {
        try (var rapport = Rapport.builder().build()) {
            assertThat(rapport.isHealthy()).isTrue();
            assertThat(rapport.departments().list(Actor.system())).hasSize(8);
            assertThat(rapport.ticketTypes().list(Actor.system())).hasSize(5);
            assertThat(rapport.customers().create(Actor.system(), aCustomer().build()).code()).startsWith("C");
        }
    }

    @Test
    void twoEmbeddedInstancesDoNotShareData() {
        try (var one = Rapport.builder().build(); var two = Rapport.builder().build()) {
            one.customers().create(Actor.system(), aCustomer().build());
            assertThat(two.customers().search(Actor.system(), "", PageRequest.first()).items()).isEmpty();
        }
    }

    @Test
    void unknownKeysFailTheBuildNamingEveryOne() {
        assertThatThrownBy(() -> Rapport.builder().config("rapport.storage.colour", "blue")
                .config("rapport.notifyers.ops.type", "log").build())
                .isInstanceOfSatisfying(PluginConfigException.class, e -> assertThat(e.problems())
                        .anySatisfy(p -> assertThat(p).contains("rapport.notifyers.ops.type"))
                        .anySatisfy(p -> assertThat(p).contains("colour").contains("url")));
    }

    @Test
    void anUnknownStorageTypeNamesTheAvailableOnes() {
        assertThatThrownBy(() -> Rapport.builder().config("rapport.storage.type", "mongo").build())
                .isInstanceOf(PluginConfigException.class)
                .hasMessageContaining("mongo").hasMessageContaining("jdbc");
    }
}
