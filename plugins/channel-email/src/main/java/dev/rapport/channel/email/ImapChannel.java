package dev.rapport.channel.email;

import dev.rapport.toolkit.mail.SmtpSettings;
import dev.rapport.api.spi.channel.InboundMessage;
import dev.rapport.api.spi.channel.PollingChannel;
import dev.rapport.api.spi.channel.Reply;
import dev.rapport.api.spi.channel.Replying;
import dev.rapport.api.spi.channel.SetAside;
import dev.rapport.api.spi.channel.SettingAside;
import dev.rapport.api.spi.notify.Delivery;
import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.FolderNotFoundException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.search.AndTerm;
import jakarta.mail.search.FlagTerm;
import jakarta.mail.search.SearchTerm;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.eclipse.angus.mail.smtp.SMTPTransport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

/**
 * Customers' e-mail from an IMAP folder, agents' replies over SMTP. Every call opens its own connection and closes it
 * before returning, so the channel holds nothing between calls and may be called from several threads.
 *
 * <p>A message is "not acknowledged" while it lacks the {@code \Seen} flag: polling opens the folder read-only and
 * peeks, so it never sets the flag; {@link #acknowledge} does. Someone reading the mailbox with a mail client marks
 * messages seen too, and the channel then leaves them alone.
 */
final class ImapChannel implements PollingChannel, Replying, SettingAside {
    private static final System.Logger LOG = System.getLogger(ImapChannel.class.getName());
    private static final SearchTerm UNSEEN = new AndTerm(new FlagTerm(new Flags(Flags.Flag.SEEN), false),
            new FlagTerm(new Flags(Flags.Flag.DELETED), false));

    private final ImapMailbox imap;
    private final SmtpSettings smtp;
    private final InternetAddress from;
    private final String messageIdDomain;
    private final Clock clock;
    private final Session imapSession;
    private final Session smtpSession;
    private final Session parsing;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Queue<SetAside> setAside = new ConcurrentLinkedQueue<>();

    ImapChannel(ImapMailbox imap, SmtpSettings smtp, InternetAddress from, String messageIdDomain, Clock clock) {
        this.imap = imap;
        this.smtp = smtp;
        this.from = from;
        this.messageIdDomain = messageIdDomain;
        this.clock = clock;
        this.imapSession = Session.getInstance(imap.properties());
        this.smtpSession = Session.getInstance(smtp.properties());
        var parsingProperties = new Properties();
        // RFC 6532: headers in raw UTF-8, as some mailers send them
        parsingProperties.setProperty("mail.mime.allowutf8", "true");
        this.parsing = Session.getInstance(parsingProperties);
    }

    /** @throws UncheckedIOException naming the server when the mailbox cannot be read */
    @Override
    public List<InboundMessage> poll(int max) {
        ensureOpen();
        if (max <= 0) {
            return List.of();
        }
        var unfiled = new ArrayList<Unfiled>();
        List<InboundMessage> polled = inFolder(Folder.READ_ONLY, folder -> {
            Message[] unseen = folder.search(UNSEEN);
            // oldest first: in the order the mailbox received them
            Arrays.sort(unseen, Comparator.comparingInt(Message::getMessageNumber));
            var dates = new FetchProfile();
            dates.add(IMAPFolder.FetchProfileItem.INTERNALDATE);
            dates.add(UIDFolder.FetchProfileItem.UID);
            folder.fetch(Arrays.copyOf(unseen, Math.min(max, unseen.length)), dates);
            var read = new ArrayList<InboundMessage>();
            for (int i = 0; i < unseen.length && read.size() < max; i++) {
                Message message = unseen[i];
                var received = Optional.ofNullable(message.getReceivedDate()).map(Date::toInstant);
                byte[] raw = raw(message);
                String why;
                try {
                    var mail = InboundMail.read(parsing, raw, received, clock);
                    if (mail.isPresent()) {
                        read.add(mail.get());
                        continue;
                    }
                    why = "it names no sender with an e-mail address";
                } catch (MessagingException | RuntimeException unreadable) {
                    why = "it cannot be parsed (" + unreadable.getClass().getSimpleName() + ")";
                }
                String[] header = message.getHeader("Message-ID");
                unfiled.add(new Unfiled(((UIDFolder) folder).getUID(message),
                        InboundMail.id(header == null ? null : header[0], raw), why));
            }
            LOG.log(System.Logger.Level.DEBUG, () -> imap + ": polled " + read.size() + " of " + unseen.length
                    + " unread messages");
            return List.copyOf(read);
        });
        if (!unfiled.isEmpty()) {
            setAside(unfiled);
        }
        return polled;
    }

    /** A message that cannot be filed, by its UID in the folder. */
    private record Unfiled(long uid, String messageId, String reason) {
    }

    /**
     * Moves the messages to the failed folder (created when missing), so that they are not read again, and logs each
     * once. When they cannot be moved now, they are read again at the next poll and this is tried again.
     */
    private void setAside(List<Unfiled> unfiled) {
        try {
            inFolder(Folder.READ_WRITE, folder -> {
                var store = folder.getStore();
                Folder failed = store.getFolder(imap.failedFolder());
                if (!failed.exists() && !failed.create(Folder.HOLDS_MESSAGES)) {
                    throw new MessagingException("the folder " + imap.failedFolder() + " cannot be created");
                }
                var uids = (UIDFolder) folder;
                var messages = new ArrayList<Message>();
                var moved = new ArrayList<Unfiled>();
                for (var message : unfiled) {
                    var found = uids.getMessageByUID(message.uid());
                    if (found != null) {
                        messages.add(found);
                        moved.add(message);
                    }
                }
                if (messages.isEmpty()) {
                    return null;
                }
                var batch = messages.toArray(Message[]::new);
                if (folder instanceof IMAPFolder imapFolder && ((IMAPStore) store).hasCapability("MOVE")) {
                    imapFolder.moveMessages(batch, failed);
                } else {
                    folder.copyMessages(batch, failed);
                    folder.setFlags(batch, new Flags(Flags.Flag.DELETED), true);
                }
                Instant now = clock.instant();
                for (var message : moved) {
                    LOG.log(System.Logger.Level.WARNING, () -> "message " + message.messageId() + " cannot be filed: "
                            + message.reason() + "; moved to the folder " + imap.failedFolder());
                    setAside.add(new SetAside(message.messageId(), message.reason(),
                            "IMAP folder " + imap.failedFolder(), now));
                }
                return null;
            });
        } catch (UncheckedIOException e) {
            LOG.log(System.Logger.Level.WARNING, () -> unfiled.size() + " message(s) that cannot be filed could not be"
                    + " moved aside now; tried again at the next poll: " + e.getMessage());
        }
    }

    @Override
    public List<SetAside> takeSetAside() {
        var taken = new ArrayList<SetAside>();
        for (SetAside next; (next = setAside.poll()) != null; ) {
            taken.add(next);
        }
        return taken;
    }

    /** @throws UncheckedIOException naming the server when the mailbox cannot be written */
    @Override
    public void acknowledge(Collection<String> messageIds) {
        ensureOpen();
        Set<String> wanted = new HashSet<>(messageIds);
        if (wanted.isEmpty()) {
            return;
        }
        inFolder(Folder.READ_WRITE, folder -> {
            Message[] unseen = folder.search(UNSEEN);
            var profile = new FetchProfile();
            profile.add("Message-ID");
            folder.fetch(unseen, profile);
            var read = new ArrayList<Message>();
            for (Message message : unseen) {
                String[] header = message.getHeader("Message-ID");
                // a message without a Message-ID is known by its bytes, fetched only when such an id is wanted
                Optional<String> id = header == null ? Optional.empty() : MessageIds.of(header[0]);
                if (id.isEmpty() && wanted.stream().anyMatch(MessageIds::isSynthetic)) {
                    id = Optional.of(MessageIds.synthetic(raw(message)));
                }
                if (id.isPresent() && wanted.contains(id.get())) {
                    read.add(message);
                }
            }
            if (!read.isEmpty()) {
                folder.setFlags(read.toArray(Message[]::new), new Flags(Flags.Flag.SEEN), true);
            }
            LOG.log(System.Logger.Level.DEBUG, () -> imap + ": marked " + read.size() + " of " + wanted.size()
                    + " acknowledged messages read");
            return null;
        });
    }

    @Override
    public Delivery reply(Reply reply) {
        ensureOpen();
        if (reply.to().email().isEmpty()) {
            return new Delivery.Rejected("the addressee has no e-mail address");
        }
        InternetAddress to;
        try {
            to = new InternetAddress(reply.to().email().get(), reply.to().name().orElse(null),
                    StandardCharsets.UTF_8.name());
            to.validate();
        } catch (AddressException | UnsupportedEncodingException e) {
            return new Delivery.Rejected("the addressee's e-mail address is not valid");
        }
        String messageId = MessageIds.forReply(reply.replyId(), messageIdDomain);
        MimeMessage message;
        try {
            message = compose(reply, to, messageId);
        } catch (MessagingException e) {
            throw new IllegalStateException("cannot compose a reply", e);
        }
        return send(message).orElseGet(() -> new Delivery.Delivered(Optional.of(messageId)));
    }

    private MimeMessage compose(Reply reply, InternetAddress to, String messageId) throws MessagingException {
        var message = new MimeMessage(smtpSession) {
            @Override
            protected void updateMessageID() throws MessagingException {
                // derived from the reply id, so that a resent reply keeps it
                setHeader("Message-ID", MessageIds.bracketed(messageId));
            }
        };
        message.setFrom(from);
        message.setRecipient(Message.RecipientType.TO, to);
        message.setSubject(reply.subject(), StandardCharsets.UTF_8.name());
        message.setSentDate(Date.from(clock.instant()));
        var references = new LinkedHashSet<String>();
        reply.references().forEach(id -> references.add(MessageIds.of(id).orElse(id)));
        Optional<String> parent = reply.inReplyTo().map(id -> MessageIds.of(id).orElse(id));
        if (parent.isPresent()) {
            message.setHeader("In-Reply-To", MessageIds.bracketed(parent.get()));
            // the parent closes the chain, as RFC 5322 has it, even when the ticket's ids lack it
            references.add(parent.get());
        }
        if (!references.isEmpty()) {
            message.setHeader("References", MimeUtility.fold("References: ".length(),
                    references.stream().map(MessageIds::bracketed).collect(Collectors.joining(" "))));
        }
        message.setText(reply.body(), StandardCharsets.UTF_8.name());
        message.saveChanges();
        return message;
    }

    /** Sends {@code message}; empty when it went, else why not. */
    private Optional<Delivery> send(MimeMessage message) {
        Transport transport;
        try {
            transport = smtpSession.getTransport("smtp");
        } catch (MessagingException e) {
            throw new IllegalStateException("Angus Mail's SMTP provider is missing", e);
        }
        try {
            transport.connect(smtp.host(), smtp.port(), smtp.user().orElse(null), smtp.password().orElse(null));
            transport.sendMessage(message, message.getAllRecipients());
            return Optional.empty();
        } catch (MessagingException e) {
            return Optional.of(withoutSecrets(SmtpOutcome.of(e,
                    transport instanceof SMTPTransport t ? t.getLastReturnCode() : -1, smtp.peer())));
        } finally {
            try {
                transport.close();
            } catch (MessagingException e) {
                // the reply is handed over or failed already; a failing QUIT changes nothing
            }
        }
    }

    /** What to do inside an open folder. */
    @FunctionalInterface
    private interface FolderWork<R> {
        R in(Folder folder) throws MessagingException, IOException;
    }

    private <R> R inFolder(int mode, FolderWork<R> work) {
        Store store = null;
        try {
            store = imapSession.getStore(imap.protocol());
            store.connect(imap.host(), imap.port(), imap.user(), imap.password());
            Folder folder = store.getFolder(imap.folder());
            folder.open(mode);
            try {
                return work.in(folder);
            } finally {
                closeQuietly(folder);
            }
        } catch (FolderNotFoundException e) {
            throw new UncheckedIOException(new IOException("IMAP " + imap + ": the folder does not exist", e));
        } catch (MessagingException | IOException e) {
            throw new UncheckedIOException(new IOException(withoutSecrets("IMAP " + imap + ": " + e), e));
        } finally {
            if (store != null) {
                try {
                    store.close();
                } catch (MessagingException e) {
                    // the work is done or failed already
                }
            }
        }
    }

    private static void closeQuietly(Folder folder) {
        try {
            if (folder.isOpen()) {
                folder.close(false);
            }
        } catch (MessagingException e) {
            // flags are stored as they are set; nothing is lost
        }
    }

    private static byte[] raw(Message message) throws MessagingException, IOException {
        var out = new ByteArrayOutputStream();
        message.writeTo(out);
        return out.toByteArray();
    }

    private String withoutSecrets(String text) {
        String shown = text.replace(imap.password(), "****");
        return smtp.password().map(p -> shown.replace(p, "****")).orElse(shown);
    }

    private Delivery withoutSecrets(Delivery delivery) {
        return switch (delivery) {
            case Delivery.RetryLater retry -> new Delivery.RetryLater(retry.after(), withoutSecrets(retry.reason()));
            case Delivery.Rejected rejected -> new Delivery.Rejected(withoutSecrets(rejected.reason()));
            case Delivery.Delivered delivered -> delivered;
        };
    }

    private void ensureOpen() {
        if (closed.get()) {
            throw new IllegalStateException(this + " is closed");
        }
    }

    /** Marks the channel closed; it holds no connection or thread between calls. */
    @Override
    public void close() {
        closed.set(true);
    }

    @Override
    public String toString() {
        return "ImapChannel[" + imap + ", " + smtp + ", from " + from.getAddress() + "]";
    }
}
