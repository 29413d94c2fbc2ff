/**
 * The {@code chat-webhook} channel: a chat platform (or an adapter in front of one) POSTs each event as signed JSON;
 * customers' messages become tickets' messages, and agents' replies go back as signed JSON POSTs. Requests and
 * replies are signed as the webhook notifier signs its notifications (HMAC-SHA256 over the timestamp, a dot and the
 * body, in {@code X-Rapport-Timestamp} and {@code X-Rapport-Signature}).
 */
package dev.rapport.channel.chat;
