package dev.rapport.storage.jdbc;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SelectListTest {
    @Test
    void eachColumnIsAtItsPositionByItsLabel() {
        var list = SelectList.of("c.id, c.code,name, k.name AS contact_name, k.phone as contact_phone");

        assertThat(list.at("id")).isEqualTo(1);
        assertThat(list.at("code")).isEqualTo(2);
        assertThat(list.at("name")).isEqualTo(3);
        assertThat(list.at("contact_name")).isEqualTo(4);
        assertThat(list.at("contact_phone")).isEqualTo(5);
        assertThat(list.size()).isEqualTo(5);
        assertThat(list.sql()).isEqualTo("c.id, c.code,name, k.name AS contact_name, k.phone as contact_phone");
    }

    @Test
    void aColumnNotSelectedIsAnErrorNotAWrongColumn() {
        var list = SelectList.of("id, code");

        assertThatThrownBy(() -> list.at("name")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("name");
        assertThatThrownBy(() -> SelectList.of("c.id, k.id")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("id");
    }
}
