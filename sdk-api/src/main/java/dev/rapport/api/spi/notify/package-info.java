/**
 * The notifier SPI: plugins that tell people about domain events (SPEC §8), such as a log, e-mail or a signed webhook.
 * The SDK calls each configured notifier for every event from the outbox, at least once and in order per subject, on a
 * delivery thread of its own and time-boxed, retrying with back-off what a notifier asks to retry.
 */
package dev.rapport.api.spi.notify;
