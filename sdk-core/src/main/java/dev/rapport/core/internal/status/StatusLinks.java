package dev.rapport.core.internal.status;

import dev.rapport.api.event.DomainEvent;
import dev.rapport.api.event.ReplyQueued;
import dev.rapport.api.security.Actor;
import dev.rapport.api.spi.storage.StatusLink;
import dev.rapport.api.spi.storage.Transaction;
import dev.rapport.api.ticket.Ticket;
import dev.rapport.api.ticket.TicketMessage;
import dev.rapport.core.internal.audit.ChangeSet;
import dev.rapport.core.internal.event.ReplyBodies;
import dev.rapport.core.internal.survey.SurveyLanguage;
import dev.rapport.core.internal.ticket.AfterResolution;
import dev.rapport.core.internal.ticket.CustomerReplies;

import java.net.URI;
import java.security.SecureRandom;
import java.text.MessageFormat;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * How a resolved ticket's customer gets their status link: the resolving transaction queues a reply on the ticket's
 * channel (when one that can answer reaches the customer; else a mail to the address they gave, e.g. on the web
 * form, when a mail channel is configured) whose kept text holds {@value #PLACEHOLDER} where the link
 * goes, so that the conversation users read never holds a token. The link is made when the reply is sent: a random
 * token, of which only the hash is stored, for the ticket and the resolution the reply was queued with (its time).
 */
public final class StatusLinks implements AfterResolution, ReplyBodies {
    /** Where the link goes in the reply as kept in the ticket's conversation, and what users read there instead. */
    public static final String PLACEHOLDER = "[status link sent to the customer]";
    /** The path of the page under the base URL. */
    public static final String PAGE_PATH = "/status/";
    private static final String ZH = "工单 {0} 已处理完毕。请打开以下链接查看处理结果，并告诉我们您是否满意：\n{1}\n链接有效期至 {2}。";
    private static final String EN = "Your ticket {0} has been resolved. Open this link to see the solution and tell us "
            + "whether you are satisfied:\n{1}\nThe link is valid until {2}.";

    private final Clock clock;
    private final StatusLinkSettings settings;
    private final CustomerReplies replies;
    private final CustomerReplies byMail;
    private final DateTimeFormatter times;
    private final SecureRandom random = new SecureRandom();

    /**
     * @param replies how the link goes back on the ticket's own channel
     * @param byMail  how it goes by mail when that channel cannot answer but the customer gave an e-mail address
     * @param zone    the business time zone, for the expiry in the reply's text
     */
    public StatusLinks(Clock clock, StatusLinkSettings settings, CustomerReplies replies, CustomerReplies byMail,
                       ZoneId zone) {
        this.clock = clock;
        this.settings = settings;
        this.replies = replies;
        this.byMail = byMail;
        this.times = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(zone);
    }

    @Override
    public List<DomainEvent> resolved(Transaction tx, Ticket ticket, Actor actor, Instant now) {
        if (settings.baseUrl().isEmpty()) {
            return List.of();
        }
        var locale = SurveyLanguage.of(tx.conversations().of(ticket.id()));
        boolean zh = "zh".equals(locale.getLanguage());
        String text = new MessageFormat(zh ? ZH : EN, zh ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH)
                .format(new Object[]{ticket.number(), PLACEHOLDER, times.format(now.plus(settings.validity()))});
        var events = new ArrayList<>(replies.queue(tx, ticket, text, now, actor));
        if (events.stream().noneMatch(ReplyQueued.class::isInstance)) {
            events.addAll(byMail.queue(tx, ticket, text, now, actor));
        }
        events.stream().filter(ReplyQueued.class::isInstance).map(ReplyQueued.class::cast).findFirst()
                .ifPresent(queued -> tx.audit().append(ChangeSet.create().added("sentBy", queued.channel())
                        .added("expiresAt", now.plus(settings.validity()))
                        .entry("ticket", ticket.id().value(), now, actor, "ticket.status-link-sent")));
        return events;
    }

    /** The reply with a new link in place of {@value #PLACEHOLDER}; any other reply as it was queued. */
    @Override
    public String body(Transaction tx, TicketMessage message, Ticket ticket) {
        if (settings.baseUrl().isEmpty() || message.direction() != TicketMessage.Direction.OUTBOUND
                || !message.body().contains(PLACEHOLDER)) {
            return message.body();
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        // The reply was queued in the resolving transaction: its time is the resolution's.
        tx.statusLinks().insert(new StatusLink(Tokens.hash(token), ticket.id(), message.at(), clock.instant(),
                message.at().plus(settings.validity())));
        return message.body().replace(PLACEHOLDER, link(settings.baseUrl().get(), token).toString());
    }

    static URI link(URI base, String token) {
        return URI.create(base + PAGE_PATH + token);
    }
}
