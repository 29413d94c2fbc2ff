/**
 * Runs a plugin end to end inside a real, embedded Rapport: {@link dev.rapport.harness.PluginHarness} loads the
 * notifier under test by its type key, drives a ticket through its life, and lets a test see the deliveries, retries
 * with back-off, dead letters and their resend that follow. It complements the test kit's contracts, which call a
 * plugin directly; take it in test scope. See {@code docs/plugin-guide.md}, "End to end".
 */
package dev.rapport.harness;
