package dev.rapport.api.ticket;

import dev.rapport.api.error.ConflictException;
import dev.rapport.api.error.ForbiddenException;
import dev.rapport.api.error.NotFoundException;
import dev.rapport.api.error.PayloadTooLargeException;
import dev.rapport.api.error.UnsupportedMediaTypeException;
import dev.rapport.api.error.ValidationException;
import dev.rapport.api.security.Actor;

import java.util.List;

/**
 * Files attached to tickets (SPEC §4). The bytes go to the blob store, streamed and never held in memory whole,
 * under a key the store chooses; the metadata, an audit entry and an {@code AttachmentAdded} event commit together.
 * Size and media-type limits are the host's ({@code RapportBuilder.attachmentLimits}).
 *
 * <p>Seeing attachments needs {@code ticket.read} for the ticket, adding one {@code ticket.work}, each for tickets
 * of the actor's department or assigned to them unless the actor holds the {@code .all} permission; otherwise
 * {@link ForbiddenException}. Unknown ids get {@link NotFoundException}. Safe to call from any thread.
 */
public interface Attachments {
    /**
     * Streams {@code upload} into the blob store and records it on the ticket. The filename is kept as a display
     * name only: any directory part ({@code ../../etc/passwd} becomes {@code passwd}) and control characters are
     * dropped, and an overlong name is shortened keeping its extension. When anything is refused, nothing is stored.
     *
     * @throws PayloadTooLargeException      when the declared length or the bytes that arrive exceed the limit; a
     *                                       declared length is refused before anything is read
     * @throws UnsupportedMediaTypeException when the content type is missing or not allowed
     * @throws ValidationException           naming {@code filename} when nothing of the name is left, or
     *                                       {@code content} when fewer or more bytes arrive than were declared
     * @throws ConflictException             when the ticket is CLOSED (read-only)
     */
    Attachment add(Actor actor, TicketId ticket, NewAttachment upload);

    /** The ticket's attachments, oldest first. Needs {@code ticket.read} for it. */
    List<Attachment> list(Actor actor, TicketId ticket);

    /**
     * The attachment with its bytes; the caller closes it. Needs {@code ticket.read} for the ticket.
     *
     * @throws NotFoundException when the ticket is unknown or has no such attachment
     */
    AttachmentContent open(Actor actor, TicketId ticket, AttachmentId attachment);
}
