package dev.rapport.core.internal.ticket;

import dev.rapport.api.error.FieldError;
import dev.rapport.api.ticket.OpenTicket;
import dev.rapport.api.ticket.Priority;
import dev.rapport.core.internal.FieldChecks;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** SPEC §4's intake rules that need nothing but the request itself. */
final class TicketRules {
    static final int MAX_TEXT = 10_000;
    static final int MAX_RELATED = 20;

    private TicketRules() {
    }

    /** The request's priority: given, or from the urgent/important pair; empty when neither is there. */
    static Optional<Priority> priority(OpenTicket request) {
        if (request.priority().isPresent()) {
            return request.priority();
        }
        if (request.urgent().isEmpty() && request.important().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(PriorityMatrix.of(request.urgent().orElse(false), request.important().orElse(false)));
    }

    /** The request's own problems; {@code today} is the business date, which a plan date must be after. */
    static List<FieldError> check(OpenTicket request, LocalDate today) {
        var checks = FieldChecks.create();
        checks.require("customerId", request.customerId());
        checks.text("type", request.type(), 50, true);
        checks.optionalText("title", request.title(), 200);
        checks.text("description", request.description(), MAX_TEXT, true);
        var priority = priority(request);
        if (priority.isEmpty()) {
            checks.add("priority", "give a priority (P1 to P4) or whether the request is urgent and important");
        } else if (request.priority().isPresent() && (request.urgent().isPresent() || request.important().isPresent())) {
            var fromPair = PriorityMatrix.of(request.urgent().orElse(false), request.important().orElse(false));
            if (fromPair != priority.get()) {
                checks.add("priority", priority.get() + " contradicts urgent/important, which give " + fromPair);
            }
        }
        request.planDate().map(date -> checks.date("planDate", date)).filter(date -> !checks.has("planDate"))
                .ifPresent(date -> {
                    if (priority.isPresent() && priority.get() != Priority.P2) {
                        checks.add("planDate", "is only for P2 tickets, whose resolution may follow an agreed plan date");
                    } else if (!date.isAfter(today)) {
                        checks.add("planDate", "must be after today (" + today + ")");
                    }
                });
        if (request.relatedTicketIds().size() > MAX_RELATED) {
            checks.add("relatedTicketIds", "must be at most " + MAX_RELATED);
        }
        TicketTags.checked(request.tags(), checks);
        return checks.errors();
    }
}
