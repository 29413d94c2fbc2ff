/**
 * The {@code s3} blob store: each blob one object in a bucket of an S3-compatible object store (AWS S3, MinIO,
 * Ceph, …), named by a random key under an optional prefix and uploaded in parts, so that every node reaches every
 * attachment.
 */
package dev.rapport.blobstore.s3;
