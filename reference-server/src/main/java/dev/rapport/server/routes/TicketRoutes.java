package dev.rapport.server.routes;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.rapport.api.Page;
import dev.rapport.api.customer.ContactId;
import dev.rapport.api.customer.CustomerId;
import dev.rapport.api.error.FieldError;
import dev.rapport.api.error.ValidationException;
import dev.rapport.api.security.DepartmentId;
import dev.rapport.api.security.UserId;
import dev.rapport.api.ticket.AddProgress;
import dev.rapport.api.ticket.AssignTicket;
import dev.rapport.api.ticket.CollaborationRequest;
import dev.rapport.api.ticket.CommunicationMethod;
import dev.rapport.api.ticket.ConfirmResolution;
import dev.rapport.api.ticket.Confirmation;
import dev.rapport.api.ticket.EscalateTicket;
import dev.rapport.api.ticket.ExceptionKind;
import dev.rapport.api.ticket.FrontLine;
import dev.rapport.api.ticket.IntakeChannel;
import dev.rapport.api.ticket.OpenTicket;
import dev.rapport.api.ticket.Opinion;
import dev.rapport.api.ticket.Priority;
import dev.rapport.api.ticket.ProgressEntry;
import dev.rapport.api.ticket.RecordException;
import dev.rapport.api.ticket.RequestCollaboration;
import dev.rapport.api.ticket.RequirementTrailEntry;
import dev.rapport.api.ticket.ResolveTicket;
import dev.rapport.api.ticket.SlaWatch;
import dev.rapport.api.ticket.TagTicket;
import dev.rapport.api.ticket.Ticket;
import dev.rapport.api.ticket.TicketDetails;
import dev.rapport.api.ticket.TicketException;
import dev.rapport.api.ticket.TicketFilter;
import dev.rapport.api.ticket.TicketId;
import dev.rapport.api.ticket.TicketStatus;
import dev.rapport.api.ticket.TicketView;
import dev.rapport.api.ticket.Tickets;
import dev.rapport.api.ticket.Visibility;
import dev.rapport.server.http.Exchange;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/** {@code /api/v1/tickets}: intake, listing, and every step of a ticket's life. */
public final class TicketRoutes implements HttpService {
    private final Tickets tickets;
    private final Exchange http;

    public TicketRoutes(Tickets tickets, Exchange http) {
        this.tickets = tickets;
        this.http = http;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/", this::open)
                .get("/", this::list)
                .get("/{id}", this::get)
                .post("/{id}/assign", this::assign)
                .post("/{id}/escalate", this::escalate)
                .post("/{id}/accept", this::accept)
                .post("/{id}/progress", this::progress)
                .post("/{id}/exceptions", this::recordException)
                .post("/{id}/collaborations", this::requestCollaboration)
                .post("/{id}/resolve", this::resolve)
                .post("/{id}/confirmation", this::confirm)
                .post("/{id}/close", this::close)
                .put("/{id}/tags", this::tag)
                .get("/{id}/history", this::history);
    }

    private void open(ServerRequest req, ServerResponse res) {
        var actor = http.actor(req);
        var body = http.body(req);
        var related = Optional.ofNullable(body.texts("relatedTicketIds")).orElse(List.of()).stream()
                .filter(s -> !s.isBlank()).map(TicketId::of).toList();
        var request = new OpenTicket(
                body.optionalText("customerId").filter(s -> !s.isBlank()).map(CustomerId::of).orElse(null),
                body.optionalText("contactId").filter(s -> !s.isBlank()).map(ContactId::of),
                body.text("type"), body.optionalText("title"), body.text("description"),
                body.optionalEnum("priority", Priority.class), body.optionalBool("urgent"),
                body.optionalBool("important"), body.optionalEnum("channel", IntakeChannel.class), related,
                Optional.ofNullable(body.date("planDate")), body.texts("tags"));
        body.requireValid(() -> tickets.validate(actor, request));
        http.created(res, tickets.open(actor, request));
    }

    private void list(ServerRequest req, ServerResponse res) {
        var actor = http.actor(req);
        var filter = TicketFilter.all().withStatuses(http.query(req, "status").map(this::statuses).orElse(EnumSet.noneOf(TicketStatus.class)));
        filter = withQuery(req, "priority", v -> enumValue("priority", v, Priority.class), filter, TicketFilter::withPriority);
        filter = withQuery(req, "departmentId", DepartmentId::of, filter, TicketFilter::withDepartment);
        filter = withQuery(req, "assigneeId", UserId::of, filter, TicketFilter::withAssignee);
        filter = withQuery(req, "customerId", CustomerId::of, filter, TicketFilter::withCustomer);
        filter = withQuery(req, "tag", Function.identity(), filter, TicketFilter::withTag);
        var servedBy = http.query(req, "servedBy");
        if (servedBy.isPresent()) {
            // Only one's own front line: whom another user serves is theirs to ask.
            if (!servedBy.get().equals("me")) {
                throw new ValidationException(FieldError.of("servedBy", "must be me"));
            }
            filter = filter.withServedBy(FrontLine.of(actor));
        }
        boolean atRisk = flag(req, "atRisk");
        boolean overdue = flag(req, "overdue");
        if (atRisk && overdue) {
            throw new ValidationException(FieldError.of("overdue", "ask for atRisk or overdue, not both: a ticket is "
                    + "at risk until its deadline passes"));
        }
        if (atRisk || overdue) {
            filter = filter.withSla(atRisk ? SlaWatch.AT_RISK : SlaWatch.OVERDUE);
        }
        http.page(res, tickets.list(actor, filter, http.page(req)));
    }

    private void get(ServerRequest req, ServerResponse res) {
        http.ok(res, TicketJson.of(tickets.get(http.actor(req), id(req))));
    }

    /** A ticket's JSON: its own fields with its details beside them, written in one pass rather than through a tree. */
    private record TicketJson(@JsonUnwrapped Ticket ticket, List<ProgressEntry> progress,
                              List<Confirmation> confirmations, List<TicketException> exceptions,
                              List<CollaborationRequest> collaborators, List<UserId> watchers,
                              List<RequirementTrailEntry> requirementTrail, TicketView view) {
        static TicketJson of(TicketDetails details) {
            return new TicketJson(details.ticket(), details.progress(), details.confirmations(), details.exceptions(),
                    details.collaborations(), details.watchers(), details.requirementTrail(), details.view());
        }
    }

    private void assign(ServerRequest req, ServerResponse res) {
        var actor = http.actor(req);
        var body = http.body(req);
        var command = new AssignTicket(body.version(),
                body.optionalText("departmentId").filter(s -> !s.isBlank()).map(DepartmentId::of),
                body.optionalText("assigneeId").filter(s -> !s.isBlank()).map(UserId::of));
        body.requireValid();
        http.ok(res, tickets.assign(actor, id(req), command));
    }

    private void escalate(ServerRequest req, ServerResponse res) {
        var actor = http.actor(req);
        var body = http.body(req);
        var command = new EscalateTicket(body.version(), body.text("reason"));
        body.requireValid();
        http.ok(res, tickets.escalate(actor, id(req), command));
    }

    private void accept(ServerRequest req, ServerResponse res) {
        http.ok(res, tickets.accept(http.actor(req), id(req)));
    }

    private void progress(ServerRequest req, ServerResponse res) {
        var actor = http.actor(req);
        var body = http.body(req);
        var command = new AddProgress(body.version(), body.text("action"), body.optionalEnum("status", TicketStatus.class),
                body.enumValue("visibility", Visibility.class), Optional.ofNullable(body.instant("nextUpdateAt")));
        body.requireValid();
        http.ok(res, tickets.addProgress(actor, id(req), command));
    }

    private void recordException(ServerRequest req, ServerResponse res) {
        var actor = http.actor(req);
        var body = http.body(req);
        var command = new RecordException(body.version(),
                body.required("kind", body.enumValue("kind", ExceptionKind.class)),
                body.required("description", body.text("description")),
                body.required("customerInformed", body.text("customerInformed")),
                Optional.ofNullable(body.instant("newEta")));
        body.requireValid();
        http.ok(res, tickets.recordException(actor, id(req), command));
    }

    private void requestCollaboration(ServerRequest req, ServerResponse res) {
        var actor = http.actor(req);
        var body = http.body(req);
        var command = new RequestCollaboration(
                body.required("departmentId", body.optionalText("departmentId").filter(s -> !s.isBlank())
                        .map(DepartmentId::of).orElse(null)),
                body.required("request", body.text("request")));
        body.requireValid();
        http.created(res, tickets.requestCollaboration(actor, id(req), command));
    }

    private void tag(ServerRequest req, ServerResponse res) {
        var actor = http.actor(req);
        var body = http.body(req);
        var command = new TagTicket(body.version(), body.required("tags", body.texts("tags")));
        body.requireValid();
        http.ok(res, tickets.tag(actor, id(req), command));
    }

    private void resolve(ServerRequest req, ServerResponse res) {
        var actor = http.actor(req);
        var body = http.body(req);
        var command = new ResolveTicket(body.version(), body.text("solution"),
                body.enumValue("communicatedVia", CommunicationMethod.class));
        body.requireValid();
        http.ok(res, tickets.resolve(actor, id(req), command));
    }

    private void confirm(ServerRequest req, ServerResponse res) {
        var actor = http.actor(req);
        var body = http.body(req);
        var command = new ConfirmResolution(body.version(), body.enumValue("opinion", Opinion.class),
                body.optionalEnum("method", CommunicationMethod.class), body.optionalText("comment"));
        body.requireValid();
        http.ok(res, tickets.confirm(actor, id(req), command));
    }

    private void close(ServerRequest req, ServerResponse res) {
        http.ok(res, tickets.close(http.actor(req), id(req)));
    }

    private void history(ServerRequest req, ServerResponse res) {
        http.page(res, Page.last(tickets.history(http.actor(req), id(req))));
    }

    private TicketId id(ServerRequest req) {
        return TicketId.of(http.param(req, "id"));
    }

    private boolean flag(ServerRequest req, String name) {
        return http.query(req, name).map(value -> switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new ValidationException(FieldError.of(name, "must be true or false"));
        }).orElse(false);
    }

    private EnumSet<TicketStatus> statuses(String csv) {
        var statuses = EnumSet.noneOf(TicketStatus.class);
        for (String s : csv.split(",")) {
            if (!s.isBlank()) {
                statuses.add(enumValue("status", s.strip(), TicketStatus.class));
            }
        }
        return statuses;
    }

    private <T> TicketFilter withQuery(ServerRequest req, String name, Function<String, T> parse, TicketFilter filter,
                                       BiFunction<TicketFilter, T, TicketFilter> with) {
        return http.query(req, name).map(parse).map(v -> with.apply(filter, v)).orElse(filter);
    }

    private static <E extends Enum<E>> E enumValue(String field, String value, Class<E> type) {
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw new ValidationException(FieldError.of(field, "must be one of " + Arrays.toString(type.getEnumConstants())));
        }
    }
}
