/**
 * The {@code filesystem} blob store: each blob one file under a configured directory, named by a random key and
 * written to a partial file that is synced and then renamed into place.
 */
package dev.rapport.blobstore.fs;
