package dev.rapport.core.internal.followup;

import dev.rapport.api.customer.CustomerId;
import dev.rapport.api.followup.FollowUpKind;
import dev.rapport.api.followup.UnplannedCare;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a care planning pass did: the customers it read, the contacts it planned, and the customers it could not plan
 * by kind and cause, counted as they come, so that the pass reports each cause once (a count and an example id) rather
 * than a line per customer. Not thread-safe: one per pass, or per page of a pass.
 */
final class CarePass {
    private record Key(FollowUpKind kind, UnplannedCare.Cause cause) {
    }

    private record Gap(long customers, CustomerId example) {
    }

    private final Map<Key, Gap> gaps = new LinkedHashMap<>();
    private long read;
    private long planned;

    /** Counts a customer read, and whether a contact was planned for it. */
    void read(boolean plannedOne) {
        read++;
        planned += plannedOne ? 1 : 0;
    }

    long read() {
        return read;
    }

    long planned() {
        return planned;
    }

    void unplanned(FollowUpKind kind, UnplannedCare.Cause cause, CustomerId customer) {
        gaps.merge(new Key(kind, cause), new Gap(1, customer), (a, b) -> new Gap(a.customers() + 1, a.example()));
    }

    /** Adds the gaps of a page whose transaction committed. */
    void addAll(CarePass page) {
        read += page.read;
        planned += page.planned;
        page.gaps.forEach((key, gap) -> gaps.merge(key, gap,
                (a, b) -> new Gap(a.customers() + b.customers(), a.example())));
    }

    boolean isEmpty() {
        return gaps.isEmpty();
    }

    /** The customers left unplanned for {@code kind}, whatever the cause. */
    long customers(FollowUpKind kind) {
        return gaps.entrySet().stream().filter(e -> e.getKey().kind() == kind).mapToLong(e -> e.getValue().customers())
                .sum();
    }

    List<UnplannedCare> causes(LocalDate plannedOn, Instant recordedAt) {
        var causes = new ArrayList<UnplannedCare>();
        gaps.forEach((key, gap) -> causes.add(new UnplannedCare(key.kind(), key.cause(), gap.customers(),
                gap.example(), plannedOn, recordedAt)));
        causes.sort(Comparator.comparingLong(UnplannedCare::customers).reversed());
        return causes;
    }
}
