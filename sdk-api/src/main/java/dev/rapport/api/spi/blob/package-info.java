/**
 * The blob-store extension point: where attachment bytes live. A store streams content in and out, never holding a
 * whole blob in memory; it chooses every {@link dev.rapport.api.spi.blob.BlobKey} itself, so no name a user typed
 * ever becomes part of a path. The metadata (ticket, filename, size, checksum) is kept by the
 * {@link dev.rapport.api.spi.storage.Storage}; the SDK writes a blob first and its metadata after, and deletes the
 * blob again when the metadata cannot be written.
 */
package dev.rapport.api.spi.blob;
