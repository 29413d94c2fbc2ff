package dev.rapport.api.spi.storage;

import dev.rapport.api.improvement.Improvement;
import dev.rapport.api.improvement.ImprovementFilter;
import dev.rapport.api.improvement.ImprovementId;
import dev.rapport.api.improvement.Verification;

import java.util.List;
import java.util.Optional;

/** Improvements with their verifications. */
public interface ImprovementStore {
    /** Stores a new improvement as given; its verifications (a new one has none) are not stored. */
    void insert(Improvement improvement);

    /** The improvement as last written, with its verifications oldest first; or empty. */
    Optional<Improvement> find(ImprovementId id);

    /**
     * Replaces the stored improvement if its version is still {@code expectedVersion}; its verifications are kept as
     * they are (see {@link #addVerification}).
     *
     * @return false when the stored version differs: nothing was written
     */
    boolean update(Improvement improvement, long expectedVersion);

    /** Appends a verification to an existing improvement. */
    void addVerification(ImprovementId id, Verification verification);

    /**
     * At most {@code limit} improvements matching the filter, with their verifications, newest (highest id) first,
     * after {@code after} in that order.
     */
    List<Improvement> list(ImprovementFilter filter, Optional<ImprovementId> after, int limit);
}
