package dev.rapport.server.routes;

import dev.rapport.api.Page;
import dev.rapport.api.error.PayloadTooLargeException;
import dev.rapport.api.error.UnsupportedMediaTypeException;
import dev.rapport.api.ticket.Attachment;
import dev.rapport.api.ticket.AttachmentId;
import dev.rapport.api.ticket.Attachments;
import dev.rapport.api.ticket.NewAttachment;
import dev.rapport.api.ticket.TicketId;
import dev.rapport.server.http.BadRequestException;
import dev.rapport.server.http.Exchange;
import dev.rapport.server.http.PercentEncoding;
import dev.rapport.server.http.RefusedBody;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.OptionalLong;

/**
 * {@code /api/v1/tickets/{id}/attachments}: uploads streamed from the request body straight into the SDK, and
 * downloads streamed back, never held in memory whole. The SDK checks rights, name, type and size.
 */
public final class AttachmentRoutes implements HttpService {
    private static final HeaderName X_FILENAME = HeaderNames.create("X-Filename");
    private static final HeaderName X_CONTENT_TYPE_OPTIONS = HeaderNames.create("X-Content-Type-Options");

    private final Attachments attachments;
    private final Exchange http;

    public AttachmentRoutes(Attachments attachments, Exchange http) {
        this.attachments = attachments;
        this.http = http;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/{id}/attachments", this::upload)
                .get("/{id}/attachments", this::list)
                .get("/{id}/attachments/{attachmentId}", this::download);
    }

    /**
     * A declared {@code Content-Length} goes to the SDK, which refuses one over the limit before a byte is read; a
     * chunked body is cut one byte past the limit.
     */
    private void upload(ServerRequest req, ServerResponse res) {
        var actor = http.actor(req);
        var ticket = ticket(req);
        String filename = req.headers().first(X_FILENAME).map(PercentEncoding::decode).orElse(null);
        String contentType = req.headers().first(HeaderNames.CONTENT_TYPE).orElse(null);
        InputStream body = req.content().hasEntity() ? new ClientBody(http.bodyStream(req))
                : InputStream.nullInputStream();
        OptionalLong declared = req.headers().contentLength();
        Attachment attachment;
        try {
            attachment = attachments.add(actor, ticket, new NewAttachment(filename, contentType, declared, body));
        } catch (PayloadTooLargeException | UnsupportedMediaTypeException e) {
            // Refused before the whole body was read: a small rest is read away, so the client hears the answer.
            if (declared.orElse(0) <= RefusedBody.SWALLOW_LIMIT) {
                RefusedBody.swallow(body);
            }
            throw e;
        }
        res.header(HeaderNames.LOCATION, req.path().absolute().path() + "/" + attachment.id().value());
        http.created(res, attachment);
    }

    private void list(ServerRequest req, ServerResponse res) {
        http.page(res, Page.last(attachments.list(http.actor(req), ticket(req))));
    }

    private void download(ServerRequest req, ServerResponse res) {
        var actor = http.actor(req);
        try (var file = attachments.open(actor, ticket(req), AttachmentId.of(http.param(req, "attachmentId")))) {
            var attachment = file.attachment();
            res.status(200)
                    .header(HeaderNames.CONTENT_TYPE, attachment.contentType())
                    .header(HeaderNames.CONTENT_DISPOSITION, contentDisposition(attachment.filename()))
                    .header(X_CONTENT_TYPE_OPTIONS, "nosniff")
                    .header(HeaderNames.CACHE_CONTROL, "private, no-store")
                    .header(HeaderNames.CONTENT_LENGTH, Long.toString(attachment.size()));
            try (OutputStream out = res.outputStream()) {
                file.content().transferTo(out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Streaming an attachment failed", e);
        }
    }

    /**
     * Always a download, never shown inline (a stored HTML file must not run as this site). The name travels as
     * RFC 8187 UTF-8, with a plain ASCII fallback for old clients; neither can break out of the header.
     */
    static String contentDisposition(String filename) {
        var fallback = new StringBuilder();
        filename.codePoints().forEach(c -> fallback.append(c >= 0x20 && c < 0x7F && c != '"' && c != '\\' && c != '%'
                ? (char) c : '_'));
        return "attachment; filename=\"" + fallback + "\"; filename*=UTF-8''" + PercentEncoding.encode(filename);
    }

    private TicketId ticket(ServerRequest req) {
        return TicketId.of(http.param(req, "id"));
    }

    /** The request body; a client that breaks off the upload gets a 400, not a server incident. */
    private static final class ClientBody extends FilterInputStream {
        private ClientBody(InputStream in) {
            super(in);
        }

        @Override
        public int read() {
            try {
                return super.read();
            } catch (IOException | RuntimeException e) {
                throw unreadable(e);
            }
        }

        @Override
        public int read(byte[] b, int off, int len) {
            try {
                return super.read(b, off, len);
            } catch (IOException | RuntimeException e) {
                throw unreadable(e);
            }
        }

        private static BadRequestException unreadable(Exception e) {
            return new BadRequestException("The request body could not be read to its end: " + e.getMessage());
        }
    }
}
