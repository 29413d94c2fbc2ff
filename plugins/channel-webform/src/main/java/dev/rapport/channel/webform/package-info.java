/**
 * The {@code webform} channel: a public web form's JSON submissions ({@code {name, email, phone, subject,
 * message}}) become customers' messages. Hosts hand each submission to the channel through the SDK's inbox, which
 * rate-limits it per client address.
 */
package dev.rapport.channel.webform;
