/** The {@code log} notifier: one log line per notification, for development and as an audit of what was sent. */
package dev.rapport.notifier.log;
