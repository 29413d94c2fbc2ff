package dev.rapport.storage.jdbc.search;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CustomerSearchColumnsTest {
    @Test
    void theCoreNameLeavesOutTheLegalForm() {
        assertThat(core("Northwind Trading Co., Ltd.")).isEqualTo(core("northwind trading"));
        assertThat(core("Müller GmbH")).isEqualTo(core("Muller"));
        assertThat(core("上海星河贸易股份有限公司")).isEqualTo(core("上海星河贸易"));
        assertThat(core("上海星河贸易公司")).isEqualTo(core("上海星河贸易"));
    }

    @Test
    void aNameThatIsOnlyALegalFormKeepsIt() {
        assertThat(core("有限公司")).isEqualTo(SearchText.of("有限公司").joined());
        assertThat(core("Ltd")).isEqualTo("ltd");
        assertThat(core("Co Ltd")).isEqualTo("co");
    }

    @Test
    void columnsHoldNameContactsAndPersonalDataApart() {
        var columns = CustomerSearchColumns.of("Acme Ltd", List.of("Anna Schmidt"), List.of("+86 138-1234-5678"),
                List.of("Orders@Acme.example"));

        assertThat(columns.name()).isEqualTo(" acme ltd");
        assertThat(columns.coreName()).isEqualTo(" acme");
        assertThat(columns.text()).isEqualTo(" acme ltd anna schmidt");
        assertThat(columns.personalData()).isEqualTo(" 8613812345678 orders acme example");
    }

    private static String core(String name) {
        return CustomerSearchColumns.coreName(name).joined();
    }
}
