package dev.rapport.notifier.email;

import dev.rapport.api.event.CollaborationRequested;
import dev.rapport.api.event.DomainEvent;
import dev.rapport.api.event.FollowUpDue;
import dev.rapport.api.event.FollowUpOverdue;
import dev.rapport.api.event.FollowUpScheduled;
import dev.rapport.api.event.ImprovementSuggested;
import dev.rapport.api.event.SlaAlarmRaised;
import dev.rapport.api.event.TicketAssigned;
import dev.rapport.api.event.TicketCreated;
import dev.rapport.api.event.TicketEscalated;
import dev.rapport.api.security.UserId;

import java.text.MessageFormat;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * Subjects and bodies from {@code messages_<locale>.properties}, rendered with {@link MessageFormat}. Every template
 * gets {0} the recipient's name, {1} the ticket (its number when the event has one, else the subject's id) and {2}
 * when it happened; the event's own arguments follow from {3} (see the properties files). A template is looked up
 * as {@code <EventType>.<variant>}, then {@code <EventType>}, then {@code default}.
 */
final class MailTemplates {
    static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    private static final String BUNDLE = "dev.rapport.notifier.email.messages";
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final ResourceBundle chinese = ResourceBundle.getBundle(BUNDLE, CHINESE, NO_FALLBACK);
    private final ResourceBundle english = ResourceBundle.getBundle(BUNDLE, Locale.ENGLISH, NO_FALLBACK);
    private final DateTimeFormatter times;

    MailTemplates(ZoneId zone) {
        this.times = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm xxx").withZone(zone);
    }

    /** A message's text. */
    record Text(String subject, String body, Locale locale) {
    }

    /** The text for {@code event} in {@code locale}'s language (Chinese for any {@code zh}, else English). */
    Text render(DomainEvent event, String name, Locale locale) {
        boolean zh = "zh".equals(locale.getLanguage());
        ResourceBundle messages = zh ? chinese : english;
        String key = template(messages, event);
        var arguments = new ArrayList<Object>(List.of(name, ticket(event), times.format(event.occurredAt())));
        arguments.addAll(specifics(messages, event));
        Object[] values = arguments.toArray();
        Locale language = zh ? CHINESE : Locale.ENGLISH;
        return new Text(new MessageFormat(messages.getString(key + ".subject"), language).format(values),
                new MessageFormat(messages.getString(key + ".body"), language).format(values), language);
    }

    /** How the fixed {@code to} addresses are greeted, e.g. "team". */
    String team(Locale locale) {
        return ("zh".equals(locale.getLanguage()) ? chinese : english).getString("team");
    }

    private static String template(ResourceBundle messages, DomainEvent event) {
        String type = event.eventType();
        if (event instanceof SlaAlarmRaised alarm && messages.containsKey(type + "." + alarm.alarm() + ".subject")) {
            return type + "." + alarm.alarm();
        }
        return messages.containsKey(type + ".subject") ? type : "default";
    }

    private List<Object> specifics(ResourceBundle messages, DomainEvent event) {
        String none = messages.getString("none");
        return switch (event) {
            case TicketCreated e -> List.of(e.type(), label(messages, e.priority()), e.departmentId().value());
            case TicketAssigned e -> List.of(e.departmentId().value(), e.assigneeId().map(UserId::value).orElse(none));
            case SlaAlarmRaised e -> List.of(label(messages, e.target()), times.format(e.due()));
            case TicketEscalated e -> List.of(label(messages, e.from()), label(messages, e.to()),
                    e.reason().orElse(e.byBreach() ? messages.getString("reason.breach") : none));
            case CollaborationRequested e -> List.of(e.departmentId().value(), e.request());
            case FollowUpScheduled e -> List.of(label(messages, e.kind()), times.format(e.dueAt()));
            case FollowUpDue e -> List.of(label(messages, e.kind()), times.format(e.dueAt()));
            case FollowUpOverdue e -> List.of(label(messages, e.kind()), times.format(e.dueAt()));
            case ImprovementSuggested e -> List.of(e.ticketType(), e.tag(), e.customerIds().size(),
                    e.ticketIds().size(), e.departmentId().value());
            default -> List.of(eventLabel(messages, event));
        };
    }

    private static String ticket(DomainEvent event) {
        return switch (event) {
            case TicketCreated e -> e.number();
            case SlaAlarmRaised e -> e.number();
            default -> event.subjectId();
        };
    }

    private static String label(ResourceBundle messages, Enum<?> value) {
        String key = value.getDeclaringClass().getSimpleName() + "." + value.name();
        return messages.containsKey(key) ? messages.getString(key) : value.name();
    }

    private static String eventLabel(ResourceBundle messages, DomainEvent event) {
        String key = "event." + event.eventType();
        return messages.containsKey(key) ? messages.getString(key) : event.eventType();
    }
}
