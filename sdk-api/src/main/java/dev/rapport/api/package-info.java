/**
 * Rapport's public vocabulary: the values, commands and service interfaces a host application calls,
 * the domain events it can listen to, and ({@code spi}) the extension points plugins implement.
 *
 * <p>Every service method takes an {@link dev.rapport.api.security.Actor}: authorisation is decided by
 * the SDK, so embedding hosts and the reference server get the same rules. Failures are
 * {@link dev.rapport.api.error.RapportException}s; anything else is a bug or an outage.
 */
package dev.rapport.api;
