/**
 * The {@code webhook} notifier: each notification as a signed JSON POST. Receivers verify requests with {@link
 * dev.rapport.notifier.webhook.WebhookSignature}.
 */
package dev.rapport.notifier.webhook;
