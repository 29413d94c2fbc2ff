package dev.rapport.storage.jdbc;

import dev.rapport.api.customer.CustomerId;
import dev.rapport.api.spi.storage.SurveyStore;
import dev.rapport.api.survey.Survey;
import dev.rapport.api.survey.SurveyAnswer;
import dev.rapport.api.survey.SurveyId;
import dev.rapport.api.survey.SurveyState;
import dev.rapport.api.ticket.TicketId;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static dev.rapport.storage.jdbc.JdbcValues.enumValue;
import static dev.rapport.storage.jdbc.JdbcValues.instant;
import static dev.rapport.storage.jdbc.JdbcValues.optionalInstant;
import static dev.rapport.storage.jdbc.JdbcValues.optionalString;

/** Surveys in {@code surveys}, read with their ticket's number and customer. */
final class JdbcSurveyStore implements SurveyStore {
    private static final String SELECT = "SELECT s.id, s.ticket_id, t.number, t.customer_id, s.provider, s.locale, "
            + "s.state, s.link, s.channel, s.created_at, s.invited_at, s.expires_at, s.answered_at, s.response_speed, "
            + "s.resolution, s.attitude, s.overall, s.recommend, s.answer_comment "
            + "FROM surveys s JOIN tickets t ON t.id = s.ticket_id ";

    private final Handle handle;

    JdbcSurveyStore(Handle handle) {
        this.handle = handle;
    }

    @Override
    public void insert(Survey survey) {
        handle.createUpdate("INSERT INTO surveys (id, ticket_id, provider, locale, state, created_at, expires_at) "
                        + "VALUES (:id, :ticketId, :provider, :locale, :state, :createdAt, :expiresAt)")
                .bind("id", survey.id().value())
                .bind("ticketId", survey.ticketId().value())
                .bind("provider", survey.provider())
                .bind("locale", survey.locale().toLanguageTag())
                .bind("state", survey.state().name())
                .bind("createdAt", instant(survey.createdAt()))
                .bind("expiresAt", instant(survey.expiresAt()))
                .execute();
    }

    @Override
    public Optional<Survey> find(SurveyId id) {
        return handle.createQuery(SELECT + "WHERE s.id = :id").bind("id", id.value())
                .map(JdbcSurveyStore::survey).findOne();
    }

    @Override
    public Optional<Survey> findByToken(String token) {
        return handle.createQuery(SELECT + "WHERE s.token = :token").bind("token", token)
                .map(JdbcSurveyStore::survey).findOne();
    }

    @Override
    public List<Survey> ofTicket(TicketId ticket) {
        return handle.createQuery(SELECT + "WHERE s.ticket_id = :ticketId ORDER BY s.created_at, s.id")
                .bind("ticketId", ticket.value())
                .map(JdbcSurveyStore::survey).list();
    }

    @Override
    public boolean invite(SurveyId id, String token, Optional<URI> link, Instant at) {
        return handle.createUpdate("UPDATE surveys SET state = :invited, token = :token, link = :link, "
                        + "invited_at = :at WHERE id = :id AND state = :pending")
                .bind("invited", SurveyState.INVITED.name())
                .bind("pending", SurveyState.PENDING.name())
                .bind("token", token)
                .bind("link", link.map(URI::toString).orElse(null))
                .bind("at", instant(at))
                .bind("id", id.value())
                .execute() == 1;
    }

    @Override
    public void sentBy(SurveyId id, String channel) {
        handle.createUpdate("UPDATE surveys SET channel = :channel WHERE id = :id")
                .bind("channel", channel)
                .bind("id", id.value())
                .execute();
    }

    /** Conditional on there being no answer: of two racing transactions, the second finds the row answered. */
    @Override
    public boolean answer(SurveyId id, SurveyAnswer answer, Instant at) {
        return handle.createUpdate("UPDATE surveys SET state = :answered, answered_at = :at, "
                        + "response_speed = :responseSpeed, resolution = :resolution, attitude = :attitude, "
                        + "overall = :overall, recommend = :recommend, answer_comment = :comment "
                        + "WHERE id = :id AND answered_at IS NULL")
                .bind("answered", SurveyState.ANSWERED.name())
                .bind("at", instant(at))
                .bind("responseSpeed", answer.responseSpeed())
                .bind("resolution", answer.resolution())
                .bind("attitude", answer.attitude())
                .bind("overall", answer.overall())
                .bind("recommend", answer.recommend())
                .bind("comment", answer.comment().orElse(null))
                .bind("id", id.value())
                .execute() == 1;
    }

    private static Survey survey(ResultSet rs, StatementContext ctx) throws SQLException {
        var answeredAt = optionalInstant(rs, "answered_at");
        Optional<SurveyAnswer> answer = answeredAt.isEmpty() ? Optional.empty()
                : Optional.of(new SurveyAnswer(rs.getInt("response_speed"), rs.getInt("resolution"),
                rs.getInt("attitude"), rs.getInt("overall"), rs.getInt("recommend"),
                optionalString(rs, "answer_comment")));
        return new Survey(SurveyId.of(rs.getString("id")), TicketId.of(rs.getString("ticket_id")),
                rs.getString("number"), CustomerId.of(rs.getString("customer_id")), rs.getString("provider"),
                Locale.forLanguageTag(rs.getString("locale")), enumValue(rs, "state", SurveyState.class),
                optionalString(rs, "link").map(URI::create), optionalString(rs, "channel"),
                instant(rs, "created_at"), optionalInstant(rs, "invited_at"), instant(rs, "expires_at"), answeredAt,
                answer);
    }
}
