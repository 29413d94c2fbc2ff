package dev.rapport.api.figures;

/**
 * A storage's connection pool as of now.
 *
 * @param active  connections lent out
 * @param idle    connections open and waiting in the pool
 * @param max     the most connections the pool opens
 * @param waiting threads waiting for a connection
 */
public record PoolFigures(int active, int idle, int max, int waiting) {
}
