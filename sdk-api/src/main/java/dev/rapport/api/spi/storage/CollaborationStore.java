package dev.rapport.api.spi.storage;

import dev.rapport.api.ticket.CollaborationRequest;
import dev.rapport.api.ticket.TicketId;

import java.util.List;

/** The collaboration requests recorded on tickets: other departments' help asked for. Ids are unique. */
public interface CollaborationStore {
    /** Records a new request (its id is new) on an existing ticket. */
    void add(TicketId ticket, CollaborationRequest request);

    /** The ticket's requests, oldest first. */
    List<CollaborationRequest> of(TicketId ticket);
}
