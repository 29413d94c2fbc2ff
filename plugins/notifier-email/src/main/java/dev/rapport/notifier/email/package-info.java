/**
 * The {@code email} notifier: notifications as SMTP messages through Angus Mail, in the recipient's language, from
 * templates kept as {@code messages_*.properties} resources.
 */
package dev.rapport.notifier.email;
