/**
 * Figures for monitoring: what an SDK instance has done since it started, the shared database's gauges and the
 * connection pool's state, as {@code Rapport.figures()} returns them for a host to publish as metrics. JDK types only;
 * nothing in them names a person, a customer or a ticket.
 */
package dev.rapport.api.figures;
