package dev.rapport.server.routes;

import dev.rapport.api.error.FieldError;
import dev.rapport.api.error.ValidationException;
import dev.rapport.api.notice.Notice;
import dev.rapport.api.notice.Notices;
import dev.rapport.server.http.Exchange;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code /api/v1/me/notifications}: the caller's own in-app notices, newest first ({@code ?unread=true&cursor=&limit=},
 * with the unread count), and marking one ({@code POST /{id}/read}) or all ({@code POST /read-all}) read, 204. Another
 * user's notice is 404, as one that never was.
 */
public final class NoticeRoutes implements HttpService {
    private final Notices notices;
    private final Exchange http;

    public NoticeRoutes(Notices notices, Exchange http) {
        this.notices = notices;
        this.http = http;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", this::list)
                .post("/read-all", (req, res) -> {
                    notices.markAllRead(http.actor(req));
                    res.status(204).send();
                })
                .post("/{id}/read", (req, res) -> {
                    notices.markRead(http.actor(req), http.param(req, "id"));
                    res.status(204).send();
                });
    }

    private void list(ServerRequest req, ServerResponse res) {
        var actor = http.actor(req);
        boolean unreadOnly = http.query(req, "unread").map(NoticeRoutes::flag).orElse(false);
        var page = notices.list(actor, unreadOnly, http.page(req));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", page.items().stream().map(NoticeRoutes::item).toList());
        body.put("nextCursor", page.nextCursor().orElse(null));
        body.put("unread", notices.unread(actor));
        http.ok(res, body);
    }

    private static Map<String, Object> item(Notice notice) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("id", notice.id());
        item.put("type", notice.type().name());
        item.put("ticketId", notice.ticketId().value());
        item.put("ticketNumber", notice.ticketNumber());
        item.put("title", notice.title().orElse(null));
        item.put("at", notice.at());
        item.put("read", notice.read());
        return item;
    }

    private static boolean flag(String value) {
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new ValidationException(FieldError.of("unread", "must be true or false"));
        };
    }
}
