package dev.rapport.core.internal.customer;

import dev.rapport.api.customer.ContactDraft;
import dev.rapport.api.customer.CustomerKind;
import dev.rapport.api.customer.CustomerProfile;
import dev.rapport.api.error.FieldError;
import dev.rapport.core.PhoneNumberRule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class CustomerRulesTest {
    private final CustomerRules rules = new CustomerRules(Set.of("Retail", "Technology"), PhoneNumberRule.mainlandOrE164());

    private CustomerProfile.Builder valid() {
        return CustomerProfile.builder().kind(CustomerKind.ORGANIZATION).name("Northwind").industry("Retail")
                .contact(ContactDraft.of("Anna", "13812345678", "anna@northwind.example"));
    }

    @Test
    void aCompleteProfilePasses() {
        assertThat(rules.check(valid().build()).errors()).isEmpty();
    }

    @Test
    void everyFailingFieldIsNamedAtOnce() {
        var profile = CustomerProfile.builder().name(" ").industry("Mining").keyAccount(true)
                .cooperationSince(LocalDate.of(2026, 5, 1)).contractEnd(LocalDate.of(2025, 1, 1))
                .contact(ContactDraft.of("", "12345", "not-an-email"))
                .contact(ContactDraft.of("Bo", null, null))
                .build();
        assertThat(rules.check(profile).errors()).extracting(FieldError::field).containsExactlyInAnyOrder(
                "kind", "name", "industry", "accountManagerId", "contractEnd",
                "contacts[0].name", "contacts[0].phone", "contacts[0].email", "contacts[1]");
    }

    @Test
    void aCustomerNeedsAContact() {
        assertThat(rules.check(valid().contacts(List.of()).build()).errors())
                .extracting(FieldError::field).containsExactly("contacts");
    }

    @ParameterizedTest
    @ValueSource(strings = {"13812345678", "138 1234 5678", "138-1234-5678", "+8613812345678", "+4930123456789", "+1 (415) 555-0100"})
    void acceptsMainlandMobilesAndE164(String phone) {
        var checked = rules.check(valid().contacts(List.of(ContactDraft.of("Anna", phone, null))).build());
        assertThat(checked.errors()).isEmpty();
        assertThat(checked.profile().contacts().getFirst().phone().orElseThrow()).doesNotContain(" ", "-", "(");
    }

    @ParameterizedTest
    @ValueSource(strings = {"12345678901", "1381234567", "138123456789", "0086 138", "+0123456789", "phone"})
    void refusesOtherNumbers(String phone) {
        var errors = rules.check(valid().contacts(List.of(ContactDraft.of("Anna", phone, null))).build()).errors();
        assertThat(errors).extracting(FieldError::field).containsExactly("contacts[0].phone");
    }

    @Test
    void controlCharactersAreRefused() {
        var errors = rules.check(valid().name("North\u0000wind").build()).errors();
        assertThat(errors).extracting(FieldError::field).containsExactly("name");
    }

    @Test
    void textsAreStoredTrimmedAndTagsWithoutDuplicates() {
        var checked = rules.check(valid().name("  Northwind  ").tags(List.of("price", " price ", "delivery time")).build());
        assertThat(checked.profile().name()).isEqualTo("Northwind");
        assertThat(checked.profile().tags()).containsExactly("price", "delivery time");
    }
}
