package dev.rapport.core.internal.customer;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PersonalDataTest {
    @Test
    void phonesKeepTheirFirstThreeAndLastFourDigits() {
        assertThat(PersonalData.maskPhone("13812345678")).isEqualTo("138****5678");
        assertThat(PersonalData.maskPhone("+8613812345678")).isEqualTo("+86****5678");
    }

    @Test
    void emailsKeepTheirFirstLetterAndDomain() {
        assertThat(PersonalData.maskEmail("zhang@example.com")).isEqualTo("z***@example.com");
    }

    @Test
    void shortNumbersKeepOnlyTheirLastTwoDigits() {
        assertThat(PersonalData.maskPhone("+4930123")).isEqualTo("****23");
        assertThat(PersonalData.maskPhone("1234")).isEqualTo("****");
    }
}
