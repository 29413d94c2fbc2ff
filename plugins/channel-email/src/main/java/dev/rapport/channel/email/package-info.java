/**
 * The {@code email} channel: customers' messages polled from an IMAP folder, agents' replies sent back over SMTP,
 * both through Angus Mail, threaded by {@code Message-ID}, {@code In-Reply-To} and {@code References}.
 */
package dev.rapport.channel.email;
