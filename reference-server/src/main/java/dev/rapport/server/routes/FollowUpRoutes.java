package dev.rapport.server.routes;

import dev.rapport.api.customer.CustomerId;
import dev.rapport.api.customer.InteractionMethod;
import dev.rapport.api.error.FieldError;
import dev.rapport.api.error.ValidationException;
import dev.rapport.api.followup.CompleteFollowUp;
import dev.rapport.api.followup.FollowUpFilter;
import dev.rapport.api.followup.FollowUpId;
import dev.rapport.api.followup.FollowUpState;
import dev.rapport.api.followup.FollowUps;
import dev.rapport.api.followup.SkipFollowUp;
import dev.rapport.api.security.UserId;
import dev.rapport.api.ticket.TicketId;
import dev.rapport.server.http.Exchange;
import dev.rapport.server.http.JsonBody;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * {@code /api/v1/follow-ups}: the work list ({@code ?assigneeId=&state=&dueBefore=}, also {@code ownerId},
 * {@code customerId}, {@code ticketId}), one follow-up, and completing or skipping it; {@code /unplanned}: what the
 * last care planning left without an owner, by kind and cause.
 */
public final class FollowUpRoutes implements HttpService {
    private final FollowUps followUps;
    private final Exchange http;

    public FollowUpRoutes(FollowUps followUps, Exchange http) {
        this.followUps = followUps;
        this.http = http;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", this::list)
                .get("/unplanned", this::unplanned)
                .get("/{id}", (req, res) -> http.ok(res, followUps.get(http.actor(req), id(req))))
                .post("/{id}/complete", this::complete)
                .post("/{id}/skip", this::skip);
    }

    private void list(ServerRequest req, ServerResponse res) {
        var actor = http.actor(req);
        var filter = FollowUpFilter.all();
        var assignee = http.query(req, "assigneeId");
        var ownerId = http.query(req, "ownerId");
        if (assignee.isPresent() && ownerId.isPresent() && !assignee.equals(ownerId)) {
            throw new ValidationException(FieldError.of("ownerId", "names the owner as assigneeId does: give one"));
        }
        filter = assignee.or(() -> ownerId).map(UserId::of).map(filter::withOwner).orElse(filter);
        filter = http.query(req, "state").map(this::states).map(filter::withStates).orElse(filter);
        filter = http.queryInstant(req, "dueBefore").map(filter::withDueBefore).orElse(filter);
        filter = http.query(req, "customerId").map(CustomerId::of).map(filter::withCustomer).orElse(filter);
        filter = http.query(req, "ticketId").map(TicketId::of).map(filter::withTicket).orElse(filter);
        http.page(res, followUps.list(actor, filter, http.page(req)));
    }

    /** What the last care planning left unplanned, and why: for an administrator to give those customers an owner. */
    private void unplanned(ServerRequest req, ServerResponse res) {
        var items = followUps.unplanned(http.actor(req)).stream().map(cause -> {
            var item = new LinkedHashMap<String, Object>();
            item.put("kind", cause.kind());
            item.put("cause", cause.cause());
            item.put("customers", cause.customers());
            item.put("exampleCustomerId", cause.exampleCustomer().value());
            item.put("plannedOn", cause.plannedOn());
            item.put("recordedAt", cause.recordedAt());
            return item;
        }).toList();
        http.ok(res, Map.of("items", items));
    }

    private void complete(ServerRequest req, ServerResponse res) {
        var actor = http.actor(req);
        var body = http.body(req);
        var command = new CompleteFollowUp(body.text("outcome"), body.optionalText("note"),
                body.optionalEnum("method", InteractionMethod.class), version(body));
        body.requireValid();
        http.ok(res, followUps.complete(actor, id(req), command));
    }

    private void skip(ServerRequest req, ServerResponse res) {
        var actor = http.actor(req);
        var body = http.body(req);
        var command = new SkipFollowUp(body.text("reason"), version(body));
        body.requireValid();
        http.ok(res, followUps.skip(actor, id(req), command));
    }

    /** The {@code version} read, when the client sends one: then a stale one is refused. */
    private static OptionalLong version(JsonBody body) {
        return body.has("version") ? OptionalLong.of(body.version()) : OptionalLong.empty();
    }

    private FollowUpId id(ServerRequest req) {
        return FollowUpId.of(http.param(req, "id"));
    }

    private EnumSet<FollowUpState> states(String csv) {
        var states = EnumSet.noneOf(FollowUpState.class);
        for (String s : csv.split(",")) {
            if (!s.isBlank()) {
                try {
                    states.add(FollowUpState.valueOf(s.strip()));
                } catch (IllegalArgumentException e) {
                    throw new ValidationException(FieldError.of("state",
                            "must be one of " + Arrays.toString(FollowUpState.values())));
                }
            }
        }
        return states;
    }
}
