package dev.rapport.server.routes;

import dev.rapport.api.Page;
import dev.rapport.api.error.FieldError;
import dev.rapport.api.error.ValidationException;
import dev.rapport.api.survey.SurveyId;
import dev.rapport.api.survey.Surveys;
import dev.rapport.api.ticket.TicketId;
import dev.rapport.server.http.Exchange;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;

/**
 * {@code /api/v1/surveys}: the satisfaction surveys of a ticket, with their state and answers (never their links), for
 * its readers; {@code POST /{id}/resend} sends the invitation to the customer again through the ticket's channel.
 */
public final class SurveyRoutes implements HttpService {
    private final Surveys surveys;
    private final Exchange http;

    public SurveyRoutes(Surveys surveys, Exchange http) {
        this.surveys = surveys;
        this.http = http;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", (req, res) -> {
            var actor = http.actor(req);
            var ticket = http.query(req, "ticketId").orElseThrow(() -> new ValidationException(
                    FieldError.of("ticketId", "is required: the surveys of which ticket")));
            http.page(res, Page.last(surveys.ofTicket(actor, TicketId.of(ticket))));
        }).post("/{id}/resend", (req, res) ->
                http.ok(res, surveys.resend(http.actor(req), SurveyId.of(http.param(req, "id")))));
    }
}
