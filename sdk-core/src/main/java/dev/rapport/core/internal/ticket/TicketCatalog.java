package dev.rapport.core.internal.ticket;

import dev.rapport.api.spi.storage.Transaction;
import dev.rapport.api.ticket.TicketType;
import dev.rapport.core.internal.ShortCache;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The ticket-type catalog as every intake reads it, kept for a short while: it changes rarely. */
public final class TicketCatalog {
    private final ShortCache<Map<String, TicketType>> byCode = new ShortCache<>(ShortCache.DEFAULT_AGE);

    /** Forgets the cached catalog, after a change on this node. */
    public void forget() {
        byCode.forget();
    }

    /** The type with this code, if the catalog has it. */
    public Optional<TicketType> find(Transaction tx, String code) {
        return Optional.ofNullable(byCode.get(() -> tx.ticketTypes().list().stream()
                .collect(Collectors.toUnmodifiableMap(TicketType::code, Function.identity()))).get(code));
    }
}
