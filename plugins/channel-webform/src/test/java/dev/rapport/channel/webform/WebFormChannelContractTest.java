package dev.rapport.channel.webform;

import dev.rapport.api.spi.channel.ChannelFactory;
import dev.rapport.api.spi.channel.InboundRequest;
import dev.rapport.testkit.PushChannelContract;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class WebFormChannelContractTest extends PushChannelContract {
    @Override
    protected ChannelFactory factory() {
        return new WebFormChannelFactory();
    }

    @Override
    protected Map<String, String> minimalConfig() {
        return Map.of("proof-bits", "0"); // the requests below carry no proof of work
    }

    @Override
    protected Set<String> requiredKeys() {
        return Set.of(); // proof-bits has a default
    }

    @Override
    protected InboundRequest validRequest(String marker) {
        return request("""
                {"name":"李娜","email":"li.na@example.com","subject":"订单 %s","message":"我的订单还没到 %s"}"""
                .formatted(marker, marker), Map.of());
    }

    @Override
    protected InboundRequest invalidRequest() {
        return request("{\"email\":\"li.na at example.com\",\"message\":\"  \"}", Map.of());
    }

    /** Configuration names the plugin by this id ({@code rapport.channels.<name>.type=webform}): it never changes. */
    @Test
    void isConfiguredAsWebform() {
        assertThat(factory().id()).isEqualTo("webform");
    }
}
