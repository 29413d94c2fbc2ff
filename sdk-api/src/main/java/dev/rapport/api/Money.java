package dev.rapport.api;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;

/**
 * An amount of money in one currency, exact (never rounded) and kept without trailing zeros, so that equal amounts
 * are equal records: {@code 1200.50} is {@code 1200.5}. Amounts in different currencies are never added.
 */
public record Money(BigDecimal amount, Currency currency) {
    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        amount = amount.stripTrailingZeros();
        if (amount.scale() < 0) {
            amount = amount.setScale(0);
        }
    }

    /** {@code Money.of("1200.50", "CNY")}. */
    public static Money of(String amount, String currency) {
        return new Money(new BigDecimal(amount), Currency.getInstance(currency));
    }

    /** The sum of this and {@code other}, which must be in the same currency. */
    public Money plus(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("cannot add " + other.currency + " to " + currency);
        }
        return new Money(amount.add(other.amount), currency);
    }

    /** Whether this is at least {@code other}, which must be in the same currency. */
    public boolean isAtLeast(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("cannot compare " + other.currency + " with " + currency);
        }
        return amount.compareTo(other.amount) >= 0;
    }

    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency.getCurrencyCode();
    }
}
