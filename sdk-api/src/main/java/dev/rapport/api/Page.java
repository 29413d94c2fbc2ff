package dev.rapport.api;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * One page of a list, with the opaque cursor of the next page when there is one.
 *
 * @param items      the items of this page, never null
 * @param nextCursor pass to {@link PageRequest#after(String, int)} to read on; empty on the last page
 * @param <T>        the item type
 */
public record Page<T>(List<T> items, Optional<String> nextCursor) {
    public Page {
        items = List.copyOf(items);
        Objects.requireNonNull(nextCursor, "nextCursor");
    }

    /** This page with each item mapped, the cursor unchanged. */
    public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
        return new Page<>(items.stream().<R>map(mapper).toList(), nextCursor);
    }

    /** A page that is the last one. */
    public static <T> Page<T> last(List<T> items) {
        return new Page<>(items, Optional.empty());
    }
}
