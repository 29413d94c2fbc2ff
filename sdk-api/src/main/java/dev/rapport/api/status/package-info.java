/**
 * Customers' own view of their ticket: a link sent through the ticket's channel when it is resolved leads to its
 * status, customer-visible progress and solution, where the customer confirms the resolution themselves.
 */
package dev.rapport.api.status;
