package dev.rapport.storage.jdbc;

import dev.rapport.api.customer.CustomerId;
import dev.rapport.api.customer.Interaction;
import dev.rapport.api.customer.InteractionId;
import dev.rapport.api.customer.InteractionMethod;
import dev.rapport.api.security.UserId;
import dev.rapport.api.spi.storage.Before;
import dev.rapport.api.spi.storage.InteractionStore;
import org.jdbi.v3.core.Handle;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import static dev.rapport.storage.jdbc.JdbcValues.enumValue;
import static dev.rapport.storage.jdbc.JdbcValues.instant;
import static dev.rapport.storage.jdbc.JdbcValues.optionalInstant;
import static dev.rapport.storage.jdbc.JdbcValues.optionalString;

/** The communication log in {@code interactions}; participants are a small JSON array. */
final class JdbcInteractionStore implements InteractionStore {
    private static final String COLUMNS = "id, customer_id, occurred_at, method, participants, topic, content, "
            + "initial_response, owner_id, planned_completion, next_action, recorded_by, recorded_at";

    private final Handle handle;
    private final JsonCodec json;

    JdbcInteractionStore(Handle handle, JsonCodec json) {
        this.handle = handle;
        this.json = json;
    }

    @Override
    public void insert(Interaction i) {
        handle.createUpdate("INSERT INTO interactions (" + COLUMNS + ") VALUES (:id, :customerId, :at, :method, "
                        + ":participants, :topic, :content, :initialResponse, :ownerId, :plannedCompletion, "
                        + ":nextAction, :recordedBy, :recordedAt)")
                .bind("id", i.id().value())
                .bind("customerId", i.customerId().value())
                .bind("at", instant(i.at()))
                .bind("method", i.method().name())
                .bind("participants", json.strings(i.participants()))
                .bind("topic", i.topic())
                .bind("content", i.content())
                .bind("initialResponse", i.initialResponse().orElse(null))
                .bind("ownerId", i.ownerId().value())
                .bind("plannedCompletion", instant(i.plannedCompletion()))
                .bind("nextAction", i.nextAction().orElse(null))
                .bind("recordedBy", i.recordedBy().value())
                .bind("recordedAt", instant(i.recordedAt()))
                .execute();
    }

    @Override
    public List<Interaction> ofCustomer(CustomerId customer, Optional<Before> before, int limit) {
        var query = handle.createQuery("SELECT " + COLUMNS + " FROM interactions WHERE customer_id = :customer"
                        + before.map(b -> " AND (occurred_at < :at OR (occurred_at = :at AND id < :id))").orElse("")
                        + " ORDER BY occurred_at DESC, id DESC LIMIT :limit")
                .bind("customer", customer.value())
                .bind("limit", limit);
        before.ifPresent(b -> query.bind("at", instant(b.at())).bind("id", b.id()));
        return query.map((rs, ctx) -> interaction(rs)).list();
    }

    @Override
    public int moveCustomer(CustomerId from, CustomerId to) {
        return handle.createUpdate("UPDATE interactions SET customer_id = :to WHERE customer_id = :from")
                .bind("from", from.value())
                .bind("to", to.value())
                .execute();
    }

    private Interaction interaction(ResultSet rs) throws SQLException {
        return new Interaction(InteractionId.of(rs.getString("id")), CustomerId.of(rs.getString("customer_id")),
                instant(rs, "occurred_at"), enumValue(rs, "method", InteractionMethod.class),
                json.strings(rs.getString("participants")), rs.getString("topic"), rs.getString("content"),
                optionalString(rs, "initial_response"), UserId.of(rs.getString("owner_id")),
                optionalInstant(rs, "planned_completion"), optionalString(rs, "next_action"),
                UserId.of(rs.getString("recorded_by")), instant(rs, "recorded_at"));
    }
}
