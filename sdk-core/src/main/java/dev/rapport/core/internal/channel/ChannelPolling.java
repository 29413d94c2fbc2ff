package dev.rapport.core.internal.channel;

import dev.rapport.api.spi.channel.InboundMessage;
import dev.rapport.api.spi.channel.PollingChannel;
import dev.rapport.api.spi.channel.SetAside;
import dev.rapport.api.spi.channel.SettingAside;
import dev.rapport.api.ticket.Intake;
import dev.rapport.core.internal.plugin.TimeBox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Reads each polling channel at its interval, on one SDK thread, each read time-boxed: a source that hangs costs its
 * own channel a skipped pass, never the others. A message is acknowledged to the source only once filed, so one that
 * fails to file is read again at the next pass.
 */
final class ChannelPolling implements AutoCloseable {
    private final ChannelInbox inbox;
    private final List<ChannelInstance> channels;
    private final Map<String, TimeBox> boxes = new ConcurrentHashMap<>();
    /**
     * One pass at a time per channel: the scheduled pass and the host's {@code pollNow} would otherwise read the same
     * messages and share a time box, whose acknowledgement could then find no idle thread and leave a filed message
     * unread at the source, to be read again as a duplicate.
     */
    private final Map<String, ReentrantLock> passes = new ConcurrentHashMap<>();
    private final ScheduledExecutorService scheduler;
    private volatile boolean stopping;

    ChannelPolling(ChannelInbox inbox, List<ChannelInstance> channels) {
        this.inbox = inbox;
        this.channels = List.copyOf(channels);
        this.scheduler = channels.isEmpty() ? null : Executors.newSingleThreadScheduledExecutor(runnable -> {
            var thread = new Thread(runnable, "rapport-channel-poll");
            thread.setDaemon(true);
            return thread;
        });
        channels.forEach(c -> boxes.put(c.name(), new TimeBox("rapport-channel-" + c.name(), 2, true)));
        channels.forEach(c -> passes.put(c.name(), new ReentrantLock()));
    }

    void start() {
        for (var channel : channels) {
            long interval = channel.settings().pollInterval().toNanos();
            scheduler.scheduleWithFixedDelay(() -> {
                if (stopping) {
                    return;
                }
                try {
                    pollOnce(channel);
                } catch (RuntimeException e) {
                    ChannelInbox.warn("Reading channel " + channel.name() + " failed", e);
                }
            }, 0, interval, TimeUnit.NANOSECONDS);
        }
    }

    /** One pass over one channel: reads a batch, files each message, acknowledges what was filed. */
    List<Intake> pollOnce(ChannelInstance channel) {
        var pass = passes.get(channel.name());
        pass.lock();
        try {
            return pass(channel);
        } finally {
            pass.unlock();
        }
    }

    private List<Intake> pass(ChannelInstance channel) {
        var source = (PollingChannel) channel.channel();
        var box = boxes.get(channel.name());
        var limit = channel.settings().pollTimeout();
        List<InboundMessage> messages = call(channel, box, () -> source.poll(ChannelInbox.POLL_BATCH), limit);
        if (channel.channel() instanceof SettingAside aside) {
            List<SetAside> setAside = call(channel, box, aside::takeSetAside, limit);
            if (setAside != null && !setAside.isEmpty()) {
                inbox.recordSetAside(channel, setAside);
            }
        }
        if (messages == null) {
            return List.of();
        }
        var filed = new ArrayList<Intake>();
        var acknowledged = new ArrayList<String>();
        for (var message : messages) {
            if (stopping) {
                break; // what is not filed stays unread at the source, for the next start or another node
            }
            try {
                filed.add(inbox.file(channel, message));
                acknowledged.add(message.messageId());
            } catch (RuntimeException e) {
                ChannelInbox.warn("Filing a message of channel " + channel.name() + " failed; it is read again", e);
            }
        }
        if (!acknowledged.isEmpty()) {
            call(channel, box, () -> {
                source.acknowledge(acknowledged);
                return Boolean.TRUE;
            }, limit);
        }
        return filed;
    }

    /** The call's result; null when it threw, overran or found the box busy (logged). */
    private static <T> T call(ChannelInstance channel, TimeBox box, Callable<T> work, Duration limit) {
        try {
            return switch (box.run(work, limit)) {
                case TimeBox.Outcome.Returned<T> returned -> returned.value();
                case TimeBox.Outcome.Threw<T> threw -> {
                    ChannelInbox.warn("Channel " + channel.name() + " failed", threw.failure());
                    yield null;
                }
                case TimeBox.Outcome.Overran<T> overran -> {
                    ChannelInbox.warn("Channel " + channel.name() + " gave no answer within " + overran.limit());
                    yield null;
                }
                case TimeBox.Outcome.Busy<T> busy -> null;
            };
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /**
     * Stops reading: a pass under way files the message in hand, acknowledges what it filed and ends, and this waits
     * for it, so that the storage can close behind it without an interrupted write in the log.
     */
    @Override
    public void close() {
        stopping = true;
        if (scheduler != null) {
            scheduler.shutdown();
            var patience = channels.stream().map(c -> c.settings().pollTimeout()).max(Duration::compareTo)
                    .orElse(Duration.ZERO).multipliedBy(2).plusSeconds(5);
            try {
                if (!scheduler.awaitTermination(patience.toMillis(), TimeUnit.MILLISECONDS)) {
                    scheduler.shutdownNow();
                }
            } catch (InterruptedException e) {
                scheduler.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
        boxes.values().forEach(TimeBox::close);
    }
}
