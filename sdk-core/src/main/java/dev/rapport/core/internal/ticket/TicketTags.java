package dev.rapport.core.internal.ticket;

import dev.rapport.core.internal.FieldChecks;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A ticket's tags: trimmed, at most {@value #MAX_TAGS} of at most {@value #MAX_LENGTH} characters, and compared
 * ignoring case, so {@code Invoice} and {@code invoice} are one tag (the first spelling is kept).
 */
public final class TicketTags {
    static final int MAX_TAGS = 10;
    static final int MAX_LENGTH = 40;

    private TicketTags() {
    }

    /** The key tags are compared by; the storage matches tags the same way. */
    public static String key(String tag) {
        return tag.strip().toLowerCase(Locale.ROOT);
    }

    /**
     * The tags as a ticket keeps them; every problem is recorded on {@code checks} as field {@code tags}.
     * Repeats (ignoring case) are dropped before counting.
     */
    static List<String> checked(List<String> tags, FieldChecks checks) {
        var unique = new LinkedHashMap<String, String>();
        for (int i = 0; i < tags.size(); i++) {
            String tag = tags.get(i) == null ? "" : tags.get(i).strip();
            // One field, "tags", with the position in the message: clients show it beside the tag input.
            var one = FieldChecks.create();
            one.text("tags", tag, MAX_LENGTH, false);
            if (tag.isEmpty()) {
                checks.add("tags", "tags[" + i + "] must not be blank");
            } else if (!one.errors().isEmpty()) {
                checks.add("tags", "tags[" + i + "] " + one.errors().getFirst().message());
            } else {
                unique.putIfAbsent(key(tag), tag);
            }
        }
        if (unique.size() > MAX_TAGS) {
            checks.add("tags", "must be at most " + MAX_TAGS + " different tags");
        }
        return List.copyOf(unique.values());
    }

    /** The tags of {@code after} that {@code before} did not carry, ignoring case. */
    static List<String> gained(Collection<String> before, Collection<String> after) {
        Set<String> had = before.stream().map(TicketTags::key).collect(Collectors.toSet());
        return new ArrayList<>(after.stream().filter(tag -> !had.contains(key(tag))).toList());
    }
}
