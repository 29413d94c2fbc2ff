package dev.rapport.storage.jdbc;

import dev.rapport.api.notice.Notice;
import dev.rapport.api.notice.NoticeType;
import dev.rapport.api.security.User;
import dev.rapport.api.spi.storage.NewNotice;
import dev.rapport.api.ticket.Ticket;
import dev.rapport.storage.jdbc.testing.StorageTest;
import dev.rapport.storage.jdbc.testing.TestDatabase;

import java.util.Optional;
import java.util.OptionalLong;

import static dev.rapport.storage.jdbc.CustomerBuilder.aCustomer;
import static dev.rapport.storage.jdbc.Fixtures.minutesAfterT0;
import static dev.rapport.storage.jdbc.TicketBuilder.aTicketOf;
import static dev.rapport.storage.jdbc.UserBuilder.aUser;
import static org.assertj.core.api.Assertions.assertThat;

class JdbcNoticeStoreTest {

    @StorageTest
    void aNoticeIsKeptOncePerUserAndEventWhateverTheRedeliveries(TestDatabase db) {
        try (var storage = TestStorage.on(db)) {
            var data = setUp(storage);
            var notice = resolved(data.owner, data.ticket, 41);

            boolean first = storage.get(tx -> tx.notices().insertIfAbsent(notice));
            boolean again = storage.get(tx -> tx.notices().insertIfAbsent(notice));
            boolean forAnother = storage.get(tx -> tx.notices().insertIfAbsent(resolved(data.other, data.ticket, 41)));

            assertThat(first).isTrue();
            assertThat(again).isFalse();
            assertThat(forAnother).isTrue();
            var listed = storage.get(tx -> tx.notices().list(data.owner.id(), false, OptionalLong.empty(), 10));
            assertThat(listed).containsExactly(new Notice("41", NoticeType.TICKET_RESOLVED, data.ticket.id(),
                    data.ticket.number(), Optional.of("Printer jams"), minutesAfterT0(41), false));
        }
    }

    @StorageTest
    void aUserListsOnlyTheirOwnNewestFirstPageByPageAndUnreadOnlyOnRequest(TestDatabase db) {
        try (var storage = TestStorage.on(db)) {
            var data = setUp(storage);
            storage.run(tx -> {
                for (long position : new long[]{3, 7, 5}) {
                    tx.notices().insertIfAbsent(resolved(data.owner, data.ticket, position));
                }
                tx.notices().insertIfAbsent(resolved(data.other, data.ticket, 9));
                tx.notices().markRead(data.owner.id(), 5, minutesAfterT0(60));
            });

            var first = storage.get(tx -> tx.notices().list(data.owner.id(), false, OptionalLong.empty(), 2));
            var rest = storage.get(tx -> tx.notices().list(data.owner.id(), false, OptionalLong.of(5), 2));
            var unread = storage.get(tx -> tx.notices().list(data.owner.id(), true, OptionalLong.empty(), 10));

            assertThat(first).extracting(Notice::id).containsExactly("7", "5");
            assertThat(first).extracting(Notice::read).containsExactly(false, true);
            assertThat(rest).extracting(Notice::id).containsExactly("3");
            assertThat(unread).extracting(Notice::id).containsExactly("7", "3");
            long unreadCount = storage.get(tx -> tx.notices().unread(data.owner.id()));
            assertThat(unreadCount).isEqualTo(2);
        }
    }

    @StorageTest
    void markingReadReachesOnlyTheUsersOwnNotices(TestDatabase db) {
        try (var storage = TestStorage.on(db)) {
            var data = setUp(storage);
            storage.run(tx -> {
                tx.notices().insertIfAbsent(resolved(data.owner, data.ticket, 1));
                tx.notices().insertIfAbsent(resolved(data.owner, data.ticket, 2));
                tx.notices().insertIfAbsent(resolved(data.other, data.ticket, 3));
            });

            boolean othersNotice = storage.get(tx -> tx.notices().markRead(data.owner.id(), 3, minutesAfterT0(60)));
            boolean own = storage.get(tx -> tx.notices().markRead(data.owner.id(), 1, minutesAfterT0(60)));
            boolean ownAgain = storage.get(tx -> tx.notices().markRead(data.owner.id(), 1, minutesAfterT0(61)));
            int all = storage.get(tx -> tx.notices().markAllRead(data.owner.id(), minutesAfterT0(62)));

            assertThat(othersNotice).isFalse();
            assertThat(own).isTrue();
            assertThat(ownAgain).isTrue();
            assertThat(all).isEqualTo(1);
            long ownerUnread = storage.get(tx -> tx.notices().unread(data.owner.id()));
            long otherUnread = storage.get(tx -> tx.notices().unread(data.other.id()));
            assertThat(ownerUnread).isZero();
            assertThat(otherUnread).isEqualTo(1);
        }
    }

    private static NewNotice resolved(User user, Ticket ticket, long position) {
        return new NewNotice(user.id(), position, NoticeType.TICKET_RESOLVED, ticket.id(), ticket.number(),
                ticket.title(), minutesAfterT0(position));
    }

    private static Data setUp(TestStorage storage) {
        var customer = aCustomer().build();
        var ticket = aTicketOf(customer.id()).withTitle("Printer jams").build();
        var owner = aUser().build();
        var other = aUser().build();
        storage.run(tx -> {
            tx.customers().insert(customer);
            tx.tickets().insert(ticket);
            tx.users().insert(owner, "hash");
            tx.users().insert(other, "hash");
        });
        return new Data(ticket, owner, other);
    }

    private record Data(Ticket ticket, User owner, User other) {
    }
}
