package dev.rapport.core.internal.notice;

import dev.rapport.api.Page;
import dev.rapport.api.PageRequest;
import dev.rapport.api.error.FieldError;
import dev.rapport.api.error.NotFoundException;
import dev.rapport.api.error.ValidationException;
import dev.rapport.api.notice.Notice;
import dev.rapport.api.notice.Notices;
import dev.rapport.api.security.Actor;
import dev.rapport.core.internal.Transactions;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Each user's in-app notices, which the event delivery fills. Every call reaches the actor's own notices only, so no
 * permission is needed and none lets anyone further: another user's notice is as unknown as one that never was.
 */
public final class NoticeService implements Notices {
    private static final String CURSOR_PREFIX = "n:";

    private final Transactions transactions;
    private final Clock clock;

    public NoticeService(Transactions transactions, Clock clock) {
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public Page<Notice> list(Actor actor, boolean unreadOnly, PageRequest page) {
        var before = page.cursor().map(NoticeService::position).map(OptionalLong::of).orElse(OptionalLong.empty());
        var found = transactions.read(tx -> tx.notices().list(actor.userId(), unreadOnly, before, page.limit() + 1));
        var items = found.stream().limit(page.limit()).toList();
        return new Page<>(items, found.size() > page.limit() ? Optional.of(cursor(items.getLast())) : Optional.empty());
    }

    @Override
    public long unread(Actor actor) {
        return transactions.read(tx -> tx.notices().unread(actor.userId()));
    }

    @Override
    public void markRead(Actor actor, String id) {
        long position = id(id).orElseThrow(() -> NotFoundException.of("notice", id));
        boolean found = transactions.write(tx -> tx.notices().markRead(actor.userId(), position, clock.instant()));
        if (!found) {
            throw NotFoundException.of("notice", id);
        }
    }

    @Override
    public void markAllRead(Actor actor) {
        transactions.write(tx -> tx.notices().markAllRead(actor.userId(), clock.instant()));
    }

    /** A notice's id is its event position; anything else names no notice. */
    private static OptionalLong id(String id) {
        if (id == null || id.isEmpty() || id.length() > 19 || !id.chars().allMatch(Character::isDigit)) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(id));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    private static String cursor(Notice last) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((CURSOR_PREFIX + last.id()).getBytes(StandardCharsets.UTF_8));
    }

    /** @throws ValidationException naming {@code cursor} when it is not one this list returned */
    private static long position(String cursor) {
        try {
            var text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (text.startsWith(CURSOR_PREFIX)) {
                var position = id(text.substring(CURSOR_PREFIX.length()));
                if (position.isPresent()) {
                    return position.getAsLong();
                }
            }
        } catch (IllegalArgumentException ignored) {
            // reported below
        }
        throw new ValidationException(FieldError.of("cursor", "is not a cursor this list returned"));
    }
}
