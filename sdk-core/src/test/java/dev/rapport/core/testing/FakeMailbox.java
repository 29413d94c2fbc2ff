package dev.rapport.core.testing;

import dev.rapport.api.spi.channel.InboundMessage;
import dev.rapport.api.spi.channel.PollingChannel;
import dev.rapport.api.spi.channel.SetAside;
import dev.rapport.api.spi.channel.SettingAside;
import dev.rapport.api.spi.channel.Reply;
import dev.rapport.api.spi.channel.Replying;
import dev.rapport.api.spi.notify.Delivery;
import dev.rapport.api.ticket.Correspondent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A mailbox in memory: messages stay until acknowledged, as at-least-once sources do; replies are kept and get a
 * message id {@code <reply id>@support.example}, as an e-mail channel would give them.
 */
public final class FakeMailbox implements PollingChannel, Replying, SettingAside {
    private final List<InboundMessage> inbox = new CopyOnWriteArrayList<>();
    private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    private final List<Reply> replies = new CopyOnWriteArrayList<>();
    private final List<SetAside> setAside = new CopyOnWriteArrayList<>();

    /** Pretends a message arrived that cannot be handed over, and was moved aside: the next poll reports it once. */
    public FakeMailbox setAside(SetAside message) {
        setAside.add(message);
        return this;
    }

    @Override
    public List<SetAside> takeSetAside() {
        var taken = List.copyOf(setAside);
        setAside.removeAll(taken);
        return taken;
    }

    /** Puts a message in the mailbox. */
    public FakeMailbox deliver(InboundMessage message) {
        inbox.add(message);
        return this;
    }

    /** A message from {@code email} with this id, subject and text, answering {@code references}. */
    public static InboundMessage mail(String messageId, String email, String subject, String body,
                                      String... references) {
        return new InboundMessage(messageId, Correspondent.byEmail(email, Optional.of("Li Wei")), Optional.of(subject),
                body, List.of(references), Optional.empty(), Instant.parse("2026-11-23T01:00:00Z"));
    }

    @Override
    public List<InboundMessage> poll(int max) {
        return inbox.stream().filter(m -> !acknowledged.contains(m.messageId())).limit(max).toList();
    }

    @Override
    public void acknowledge(Collection<String> messageIds) {
        acknowledged.addAll(messageIds);
    }

    public Set<String> acknowledged() {
        return Set.copyOf(acknowledged);
    }

    @Override
    public Delivery reply(Reply reply) {
        replies.add(reply);
        return new Delivery.Delivered(Optional.of(reply.replyId() + "@support.example"));
    }

    public List<Reply> replies() {
        return new ArrayList<>(replies);
    }

    @Override
    public void close() {
    }
}
