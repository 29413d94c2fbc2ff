/**
 * The storage extension point: repositories over one transaction. The SDK keeps every rule; a storage keeps
 * rows. A change, its audit entries and its outbox events are written through one {@link dev.rapport.api.spi.storage.Transaction}
 * and commit together or not at all.
 */
package dev.rapport.api.spi.storage;
