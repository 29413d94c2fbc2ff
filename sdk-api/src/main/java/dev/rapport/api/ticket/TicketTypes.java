package dev.rapport.api.ticket;

import dev.rapport.api.security.Actor;

import java.util.List;

/** The ticket-type catalog (SPEC §4); SPEC's five types exist from the first start. */
public interface TicketTypes {
    /** Every type by code; any authenticated actor may read the catalog. */
    List<TicketType> list(Actor actor);
}
