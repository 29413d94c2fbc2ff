package dev.rapport.core.internal.security;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClientAddressTest {
    @Test
    void ipv4AddressesAreThemselves() {
        assertThat(ClientAddress.keyOf("192.0.2.7")).isEqualTo("192.0.2.7");
        assertThat(ClientAddress.keyOf("::ffff:192.0.2.7")).as("mapped").isEqualTo("192.0.2.7");
        assertThat(ClientAddress.keyOf("0:0:0:0:0:ffff:192.0.2.7")).isEqualTo("192.0.2.7");
    }

    @Test
    void ipv6AddressesCountAsTheirSlash64() {
        assertThat(ClientAddress.keyOf("2001:db8:1:2:aaaa:bbbb:cccc:dddd")).isEqualTo("2001:db8:1:2::/64");
        assertThat(ClientAddress.keyOf("2001:0DB8:0001:0002::1")).isEqualTo("2001:db8:1:2::/64");
        assertThat(ClientAddress.keyOf("[2001:db8:1:2::ffff%eth0]")).isEqualTo("2001:db8:1:2::/64");
        assertThat(ClientAddress.keyOf("2001:db8::1")).isEqualTo("2001:db8:0:0::/64");
        assertThat(ClientAddress.keyOf("0:0:0:0:0:0:0:1")).isEqualTo(ClientAddress.keyOf("::1"));
    }

    @Test
    void anythingElseIsBoundedAndCleaned() {
        assertThat(ClientAddress.keyOf(null)).isEqualTo("unknown");
        assertThat(ClientAddress.keyOf(" ")).isEqualTo("unknown");
        assertThat(ClientAddress.keyOf("fuzz-12")).isEqualTo("fuzz-12");
        assertThat(ClientAddress.keyOf("a\u0000b c")).isEqualTo("a_b_c");
        assertThat(ClientAddress.keyOf("1:2:3")).as("no IPv6 literal").isEqualTo("1:2:3");
        assertThat(ClientAddress.keyOf("x".repeat(1_000))).hasSize(100);
    }
}
