package dev.rapport.core;

import dev.rapport.api.spi.channel.Replying;
import dev.rapport.core.internal.IdGenerator;
import dev.rapport.core.internal.channel.ChannelInstance;
import dev.rapport.core.internal.channel.ChannelReplies;
import dev.rapport.core.internal.status.StatusLinks;
import dev.rapport.core.internal.survey.SurveyIssuing;
import dev.rapport.core.internal.ticket.CustomerReplies;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The rules of what goes out to customers that event delivery calls when it sends: the survey rules keep a provider's
 * invitation, and the status links fill a queued reply in. Made before the delivery, which takes them at construction,
 * and handed to the wiring with it; none of them writes through the delivery (the invitations are kept in the
 * delivery's own transaction, a reply is filled in inside the one that sends it), so the delivery needs no setter.
 *
 * @param ids         the id generator every service shares
 * @param replies     queues replies on the channels that can answer
 * @param issuing     creates a closed ticket's survey and keeps its invitation
 * @param statusLinks puts a status link into the resolution's reply when it is sent
 */
record OutboundRules(IdGenerator ids, ChannelReplies replies, SurveyIssuing issuing, StatusLinks statusLinks) {
    static OutboundRules of(List<ChannelInstance> channels, Assembly.Settings settings, Clock clock, ZoneId zone) {
        var ids = new IdGenerator(clock);
        var replying = channels.stream().filter(c -> c.channel() instanceof Replying).map(ChannelInstance::name)
                .collect(Collectors.toSet());
        var replies = new ChannelReplies(replying, ids);
        var issuing = new SurveyIssuing(clock, ids, settings.surveys(), settings.surveyIssuer(), replies, zone);
        // A resolution goes to the customer with a link to confirm it; the link is made when the reply is sent.
        // A web form's ticket reaches its customer only by mail, through the mail channel, if they gave an address.
        var mailChannel = settings.statusLinks().mailChannel().or(() -> {
            var mail = channels.stream().filter(c -> c.channel() instanceof Replying)
                    .filter(c -> c.pluginId().filter("email"::equals).isPresent()).map(ChannelInstance::name).toList();
            return mail.size() == 1 ? Optional.of(mail.getFirst()) : Optional.empty();
        });
        var statusLinks = new StatusLinks(clock, settings.statusLinks(), replies, mailChannel
                .<CustomerReplies>map(name -> (tx, ticket, text, now, actor) -> replies.mail(tx, ticket, name, text, now,
                        actor)).orElse(CustomerReplies.NONE), zone);
        return new OutboundRules(ids, replies, issuing, statusLinks);
    }
}
