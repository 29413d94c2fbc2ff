package dev.rapport.server.routes;

import dev.rapport.api.Page;
import dev.rapport.api.customer.CustomerId;
import dev.rapport.api.error.FieldError;
import dev.rapport.api.error.ValidationException;
import dev.rapport.api.improvement.DismissSuggestion;
import dev.rapport.api.improvement.ImprovementFilter;
import dev.rapport.api.improvement.ImprovementId;
import dev.rapport.api.improvement.ImprovementState;
import dev.rapport.api.improvement.ImprovementUpdate;
import dev.rapport.api.improvement.Improvements;
import dev.rapport.api.improvement.NewImprovement;
import dev.rapport.api.improvement.RootCause;
import dev.rapport.api.improvement.SuggestionId;
import dev.rapport.api.improvement.SuggestionState;
import dev.rapport.api.improvement.VerifyImprovement;
import dev.rapport.api.security.DepartmentId;
import dev.rapport.api.security.UserId;
import dev.rapport.api.ticket.TicketId;
import dev.rapport.server.http.Exchange;
import dev.rapport.server.http.JsonBody;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** {@code /api/v1/improvements}: corrective actions, their verification, and the suggestions recurring tickets raise. */
public final class ImprovementRoutes implements HttpService {
    private final Improvements improvements;
    private final Exchange http;

    public ImprovementRoutes(Improvements improvements, Exchange http) {
        this.improvements = improvements;
        this.http = http;
    }

    @Override
    public void routing(HttpRules rules) {
        // The suggestions' paths come first: "suggestions" would otherwise be taken for an improvement's id.
        rules.get("/suggestions", this::suggestions)
                .get("/suggestions/{id}", (req, res) -> http.ok(res,
                        improvements.suggestion(http.actor(req), suggestion(req))))
                .get("/suggestions/{id}/history", (req, res) -> http.page(res,
                        Page.last(improvements.suggestionHistory(http.actor(req), suggestion(req)))))
                .post("/suggestions/{id}/dismiss", this::dismiss)
                .post("/", this::create)
                .get("/", this::list)
                .get("/{id}", (req, res) -> http.ok(res, improvements.get(http.actor(req), id(req))))
                .patch("/{id}", this::update)
                .post("/{id}/verify", this::verify)
                .get("/{id}/history", (req, res) -> http.page(res,
                        Page.last(improvements.history(http.actor(req), id(req)))));
    }

    private void create(ServerRequest req, ServerResponse res) {
        var actor = http.actor(req);
        var body = http.body(req);
        var request = new NewImprovement(body.text("problem"), body.enumValue("rootCause", RootCause.class),
                body.text("measures"), id(body, "departmentId", DepartmentId::of), id(body, "ownerId", UserId::of),
                Optional.ofNullable(body.date("plannedDate")), ids(body, "ticketIds", TicketId::of),
                ids(body, "customerIds", CustomerId::of), body.optionalText("notes"),
                Optional.ofNullable(id(body, "suggestionId", SuggestionId::of)));
        body.requireValid();
        http.created(res, improvements.create(actor, request));
    }

    private void list(ServerRequest req, ServerResponse res) {
        var actor = http.actor(req);
        var filter = ImprovementFilter.all();
        filter = http.query(req, "state").map(v -> enumValue("state", v, ImprovementState.class))
                .map(filter::withState).orElse(filter);
        filter = http.query(req, "departmentId").map(DepartmentId::of).map(filter::withDepartment).orElse(filter);
        filter = http.query(req, "ownerId").map(UserId::of).map(filter::withOwner).orElse(filter);
        http.page(res, improvements.list(actor, filter, http.page(req)));
    }

    private void update(ServerRequest req, ServerResponse res) {
        var actor = http.actor(req);
        var body = http.body(req);
        // Absent fields stay as they are; notes sent as null or blank are removed.
        var update = new ImprovementUpdate(body.version(), body.optionalText("problem"),
                body.optionalEnum("rootCause", RootCause.class), body.optionalText("measures"),
                Optional.ofNullable(id(body, "departmentId", DepartmentId::of)),
                Optional.ofNullable(id(body, "ownerId", UserId::of)), Optional.ofNullable(body.date("plannedDate")),
                Optional.ofNullable(body.date("completedDate")),
                body.has("ticketIds") ? Optional.of(ids(body, "ticketIds", TicketId::of)) : Optional.empty(),
                body.has("customerIds") ? Optional.of(ids(body, "customerIds", CustomerId::of)) : Optional.empty(),
                body.has("notes") ? Optional.of(body.optionalText("notes").orElse("")) : Optional.empty(),
                body.optionalEnum("state", ImprovementState.class));
        body.requireValid();
        http.ok(res, improvements.update(actor, id(req), update));
    }

    private void verify(ServerRequest req, ServerResponse res) {
        var actor = http.actor(req);
        var body = http.body(req);
        Integer score = body.required("score", body.integer("score"));
        var note = body.optionalText("note");
        var customer = Optional.ofNullable(id(body, "customerId", CustomerId::of));
        body.requireValid();
        http.ok(res, improvements.verify(actor, id(req), new VerifyImprovement(score, note, customer)));
    }

    private void suggestions(ServerRequest req, ServerResponse res) {
        var actor = http.actor(req);
        var state = http.query(req, "state").map(v -> enumValue("state", v, SuggestionState.class));
        http.page(res, improvements.suggestions(actor, state, http.page(req)));
    }

    private void dismiss(ServerRequest req, ServerResponse res) {
        var actor = http.actor(req);
        var body = http.body(req);
        var command = new DismissSuggestion(body.text("reason"));
        body.requireValid();
        http.ok(res, improvements.dismiss(actor, suggestion(req), command));
    }

    private ImprovementId id(ServerRequest req) {
        return ImprovementId.of(http.param(req, "id"));
    }

    private SuggestionId suggestion(ServerRequest req) {
        return SuggestionId.of(http.param(req, "id"));
    }

    /** A typed id from a text field; null when absent or blank (the SDK then names it as required). */
    private static <T> T id(JsonBody body, String field, Function<String, T> of) {
        return body.optionalText(field).filter(v -> !v.isBlank()).map(of).orElse(null);
    }

    /** A list of typed ids; every blank one is named with its position. */
    private static <T> List<T> ids(JsonBody body, String field, Function<String, T> of) {
        var texts = body.texts(field);
        if (texts == null) {
            return List.of();
        }
        var ids = new ArrayList<T>();
        for (int i = 0; i < texts.size(); i++) {
            if (texts.get(i).isBlank()) {
                body.error(field + "[" + i + "]", "must not be blank");
            } else {
                ids.add(of.apply(texts.get(i).strip()));
            }
        }
        return ids;
    }

    private static <E extends Enum<E>> E enumValue(String field, String value, Class<E> type) {
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw new ValidationException(FieldError.of(field, "must be one of " + Arrays.toString(type.getEnumConstants())));
        }
    }
}
