package dev.rapport.storage.jdbc;

import dev.rapport.api.Money;
import dev.rapport.api.customer.CustomerId;
import dev.rapport.api.customer.Purchase;
import dev.rapport.api.customer.PurchaseId;
import dev.rapport.api.security.UserId;
import dev.rapport.api.spi.storage.Before;
import dev.rapport.api.spi.storage.PurchaseStore;
import org.jdbi.v3.core.Handle;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

import static dev.rapport.storage.jdbc.JdbcValues.instant;

/** Purchases in {@code purchases}: a date, an exact decimal amount and a currency code. */
final class JdbcPurchaseStore implements PurchaseStore {
    private static final String COLUMNS = "id, customer_id, purchased_on, amount, currency, recorded_by, recorded_at";

    private final Handle handle;

    JdbcPurchaseStore(Handle handle) {
        this.handle = handle;
    }

    @Override
    public void insert(Purchase p) {
        handle.createUpdate("INSERT INTO purchases (" + COLUMNS + ") VALUES (:id, :customerId, :date, :amount, "
                        + ":currency, :recordedBy, :recordedAt)")
                .bind("id", p.id().value())
                .bind("customerId", p.customerId().value())
                .bind("date", JdbcValues.date(Optional.of(p.date())))
                .bind("amount", p.amount().amount())
                .bind("currency", p.amount().currency().getCurrencyCode())
                .bind("recordedBy", p.recordedBy().value())
                .bind("recordedAt", instant(p.recordedAt()))
                .execute();
    }

    /**
     * A purchase stands at the start of its day in {@code zone}. A bound exactly at such a start continues within
     * that day by id; a bound later in a day takes the whole day.
     */
    @Override
    public List<Purchase> ofCustomer(CustomerId customer, Optional<Before> before, int limit, ZoneId zone) {
        String bound = before.map(b -> startsADay(b, zone)
                ? " AND (purchased_on < :day OR (purchased_on = :day AND id < :id))"
                : " AND purchased_on <= :day").orElse("");
        var query = handle.createQuery("SELECT " + COLUMNS + " FROM purchases WHERE customer_id = :customer" + bound
                        + " ORDER BY purchased_on DESC, id DESC LIMIT :limit")
                .bind("customer", customer.value())
                .bind("limit", limit);
        before.ifPresent(b -> {
            query.bind("day", JdbcValues.date(Optional.of(b.at().atZone(zone).toLocalDate())));
            if (startsADay(b, zone)) {
                query.bind("id", b.id());
            }
        });
        return query.map((rs, ctx) -> purchase(rs)).list();
    }

    @Override
    public List<Money> totals(CustomerId customer) {
        return handle.createQuery("SELECT currency, SUM(amount) AS total FROM purchases WHERE customer_id = :customer "
                        + "GROUP BY currency ORDER BY currency")
                .bind("customer", customer.value())
                .map((rs, ctx) -> new Money(rs.getBigDecimal("total"),
                        Currency.getInstance(rs.getString("currency"))))
                .list();
    }

    @Override
    public int moveCustomer(CustomerId from, CustomerId to) {
        return handle.createUpdate("UPDATE purchases SET customer_id = :to WHERE customer_id = :from")
                .bind("from", from.value())
                .bind("to", to.value())
                .execute();
    }

    private static boolean startsADay(Before before, ZoneId zone) {
        LocalDate day = before.at().atZone(zone).toLocalDate();
        return day.atStartOfDay(zone).toInstant().equals(before.at());
    }

    private static Purchase purchase(ResultSet rs) throws SQLException {
        return new Purchase(PurchaseId.of(rs.getString("id")), CustomerId.of(rs.getString("customer_id")),
                rs.getObject("purchased_on", LocalDate.class),
                new Money(rs.getBigDecimal("amount"), Currency.getInstance(rs.getString("currency"))),
                UserId.of(rs.getString("recorded_by")), instant(rs, "recorded_at"));
    }
}
