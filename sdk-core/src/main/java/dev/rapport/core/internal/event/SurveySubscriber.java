package dev.rapport.core.internal.event;

import dev.rapport.api.event.DomainEvent;
import dev.rapport.api.event.SurveyRequested;
import dev.rapport.api.spi.notify.Delivery;
import dev.rapport.api.spi.storage.PendingDelivery;
import dev.rapport.api.spi.storage.Storage;
import dev.rapport.api.spi.survey.SurveyInvitation;
import dev.rapport.api.spi.survey.SurveyProvider;
import dev.rapport.api.spi.survey.SurveyRequest;
import dev.rapport.core.internal.Transactions;
import dev.rapport.core.internal.plugin.PatientClose;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * A survey provider instance as a subscriber: each {@link SurveyRequested} for it becomes a
 * {@link SurveyProvider#invite} call, time-boxed and retried like a notification; the invitation is kept afterwards on
 * the lane's thread ({@link #settle}), never in the time box, where an interrupt could break the storage. Every other
 * event, and a survey answered or expired meanwhile, is done at once. Kept under {@link #subscriberName}.
 */
final class SurveySubscriber implements Subscriber {
    private final String providerName;
    private final SurveyProvider provider;
    private final DeliveryPolicy policy;
    private final List<String> secrets;
    private final SurveyInvitations invitations;
    private final Transactions transactions;

    /** @param transactions where the invitations are read and kept: the delivery's, which signal it after a write */
    SurveySubscriber(String providerName, SurveyProvider provider, DeliveryPolicy policy, Set<String> secrets,
                     SurveyInvitations invitations, Transactions transactions) {
        this.providerName = providerName;
        this.provider = provider;
        this.policy = policy;
        this.secrets = List.copyOf(secrets);
        this.invitations = invitations;
        this.transactions = transactions;
    }

    /** {@code survey.link}: a dot never occurs in a notifier's kebab-case name. */
    static String subscriberName(String providerName) {
        return "survey." + providerName;
    }

    @Override
    public String name() {
        return subscriberName(providerName);
    }

    @Override
    public DeliveryPolicy policy() {
        return policy;
    }

    @Override
    public boolean interruptible() {
        return true;
    }

    @Override
    public boolean concerns(DomainEvent event) {
        return event instanceof SurveyRequested requested && requested.provider().equals(providerName);
    }

    @Override
    public Callable<Delivery> call(PendingDelivery delivery, Storage storage) {
        if (!(delivery.event() instanceof SurveyRequested requested) || !requested.provider().equals(providerName)) {
            return Delivery::delivered;
        }
        return transactions.read(tx -> invitations.due(tx, requested)).<Callable<Delivery>>map(Invitation::new)
                .orElse(Delivery::delivered);
    }

    @Override
    public Delivery settle(PendingDelivery delivery, Callable<Delivery> call, Delivery delivered, Storage storage) {
        if (call instanceof Invitation invitation) {
            transactions.write(tx -> {
                invitations.invited(tx, invitation.request, invitation.issued);
                return null;
            });
        }
        return delivered;
    }

    @Override
    public String safe(String text) {
        return SafeText.of(text, secrets);
    }

    @Override
    public void close() {
        PatientClose.close("survey-provider-" + providerName, provider);
    }

    /** One call of the provider, holding what it issued for {@link #settle}. */
    private final class Invitation implements Callable<Delivery> {
        private final SurveyRequest request;
        private volatile SurveyInvitation issued;

        Invitation(SurveyRequest request) {
            this.request = request;
        }

        @Override
        public Delivery call() {
            var invitation = provider.invite(request);
            if (invitation == null) {
                return new Delivery.RetryLater(Duration.ZERO, "the provider issued no invitation");
            }
            issued = invitation;
            return Delivery.delivered();
        }
    }
}
