package dev.rapport.server.metrics;

import java.util.Objects;
import java.util.Optional;

/**
 * Where {@code GET /metrics} is served and who may read it.
 *
 * @param port  a management port of its own, instead of the API's port
 * @param token when present, a scrape must send {@code Authorization: Bearer <token>}; otherwise anyone who reaches
 *              the port may read the metrics
 */
public record MetricsSettings(Optional<Integer> port, Optional<String> token) {
    /** On the API's port, open to anyone: what API.md describes. */
    public static final MetricsSettings ON_API_PORT = new MetricsSettings(Optional.empty(), Optional.empty());

    public MetricsSettings {
        Objects.requireNonNull(port, "port");
        Objects.requireNonNull(token, "token");
    }

    @Override
    public String toString() {
        return "MetricsSettings[port=" + port + ", token=" + token.map(t -> "****") + "]";
    }
}
