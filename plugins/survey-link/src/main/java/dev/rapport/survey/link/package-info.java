/**
 * The {@code link} survey provider: an unguessable token per survey, derived from the survey id with HMAC-SHA256 under
 * a secret, in a link to the form the reference server hosts ({@code <base-url>/survey/<token>}). The SDK keeps the
 * token and enforces single use and expiry.
 */
package dev.rapport.survey.link;
