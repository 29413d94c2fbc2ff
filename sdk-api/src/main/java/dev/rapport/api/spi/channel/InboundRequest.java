package dev.rapport.api.spi.channel;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A request pushed to a {@link PushChannel}, as the host received it: the raw body (what a signature covers), the
 * headers, and the client's address. The host bounds the body's size before it gets here.
 *
 * @param remoteAddress the client's address, e.g. {@code 203.0.113.7}; requests are rate-limited per address
 * @param headers       by name; names are matched without regard to case
 */
public record InboundRequest(String remoteAddress, Map<String, List<String>> headers, byte[] body) {
    public InboundRequest {
        Objects.requireNonNull(remoteAddress, "remoteAddress");
        var byName = new TreeMap<String, List<String>>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> byName.merge(name, List.copyOf(values),
                (a, b) -> Stream.concat(a.stream(), b.stream()).toList()));
        headers = Collections.unmodifiableMap(byName);
        body = body.clone();
    }

    /** The first value of the header named {@code name}, in any case. */
    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name)).filter(v -> !v.isEmpty())
                .map(List::getFirst);
    }

    /** A copy of the raw body. */
    @Override
    public byte[] body() {
        return body.clone();
    }

    /** The body decoded as UTF-8. */
    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
