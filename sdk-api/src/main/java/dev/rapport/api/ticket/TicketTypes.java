package dev.rapport.api.ticket;

import dev.rapport.api.security.Actor;

import java.util.List;

/** The ticket-type catalog (SPEC §4); SPEC's five types exist from the first start. */
public interface TicketTypes {
    /** Every type by code; any authenticated actor may read the catalog. */
    List<TicketType> list(Actor actor);

    /**
     * Adds and changes types; audited; new tickets follow the change. Types are never removed, since tickets keep
     * theirs: every existing code must be in {@code types}. Needs {@code catalog.admin}.
     *
     * @return the whole catalog afterwards
     * @throws dev.rapport.api.error.ValidationException naming each bad, duplicate or missing entry
     */
    List<TicketType> replace(Actor actor, List<TicketType> types);
}
