/**
 * What plugin authors test with. Extend the contract of your extension point ({@link
 * dev.rapport.testkit.NotifierContract}, {@link dev.rapport.testkit.RemoteNotifierContract}, {@link
 * dev.rapport.testkit.PollingChannelContract}, {@link dev.rapport.testkit.PushChannelContract}, {@link
 * dev.rapport.testkit.BlobStoreContract}, {@link dev.rapport.testkit.StorageContract}) in a test class, give it the
 * factory and a minimal configuration, and it checks what the SDK relies on; use the fakes ({@link
 * dev.rapport.testkit.TestPluginContext}, {@link dev.rapport.testkit.MutableClock}, {@link
 * dev.rapport.testkit.HttpPeer}, {@link dev.rapport.testkit.SampleNotifications}, {@link
 * dev.rapport.testkit.SampleRecords}, {@link dev.rapport.testkit.LogCapture}) in your own tests, and run {@link
 * dev.rapport.testkit.RapportArchRules} on your classes. See {@code docs/plugin-guide.md}.
 */
package dev.rapport.testkit;
