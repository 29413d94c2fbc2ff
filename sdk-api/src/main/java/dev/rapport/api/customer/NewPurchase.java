package dev.rapport.api.customer;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A purchase to record.
 *
 * @param date     when it was made; not in the future
 * @param amount   positive, with no more decimals than the currency has
 * @param currency an ISO 4217 code such as {@code CNY}; the same for every purchase of one customer
 */
public record NewPurchase(LocalDate date, BigDecimal amount, String currency) {
}
