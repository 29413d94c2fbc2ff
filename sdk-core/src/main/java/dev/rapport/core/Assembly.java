package dev.rapport.core;

import dev.rapport.api.spi.PluginConfigException;
import dev.rapport.api.spi.blob.BlobStore;
import dev.rapport.api.spi.channel.Replying;
import dev.rapport.api.spi.storage.Storage;
import dev.rapport.api.spi.storage.StorageFactory;
import dev.rapport.core.internal.channel.ChannelInstance;
import dev.rapport.core.internal.channel.ConfiguredChannels;
import dev.rapport.core.internal.customer.PinyinReadings;
import dev.rapport.core.internal.event.ConfiguredNotifiers;
import dev.rapport.core.internal.event.EventDelivery;
import dev.rapport.core.internal.event.EventSettings;
import dev.rapport.core.internal.figures.Tally;
import dev.rapport.core.internal.followup.FollowUpSettings;
import dev.rapport.core.internal.improvement.SuggestionSettings;
import dev.rapport.core.internal.plugin.ConfiguredBlobStore;
import dev.rapport.core.internal.plugin.PluginCatalog;
import dev.rapport.core.internal.plugin.Plugins;
import dev.rapport.core.ReviewThresholds;
import dev.rapport.core.internal.status.StatusLinkSettings;
import dev.rapport.core.internal.survey.ConfiguredSurveyProviders;
import dev.rapport.core.internal.survey.SurveySettings;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Turns a builder's configuration into a running {@link Rapport}: reads every setting and creates every plugin
 * (storage, blob store, notifiers, channels, survey providers), collecting the problems of all of them so that one
 * failed build reports everything wrong at once; then wires the services and starts them. What it made before a
 * failure is closed again.
 */
final class Assembly {
    static final String STORAGE_PREFIX = "rapport.storage.";
    /** The configuration keys the SDK knows start with one of these; any other key is a mistake. */
    static final List<String> PREFIXES = List.of(STORAGE_PREFIX, ConfiguredBlobStore.PREFIX,
            ConfiguredNotifiers.PREFIX, ConfiguredChannels.PREFIX, EventSettings.PREFIX, SurveySettings.PREFIX,
            ReviewThresholds.PREFIX, FollowUpSettings.PREFIX, SuggestionSettings.PREFIX, StatusLinkSettings.PREFIX);

    /** The settings read from the configuration keys, the builder's values as their defaults. */
    record Settings(EventSettings events, FollowUpSettings followUps, SuggestionSettings suggestions,
                    ReviewThresholds thresholds, SurveySettings surveys, Optional<String> surveyIssuer,
                    StatusLinkSettings statusLinks) {
    }

    /**
     * What the services are wired from: the plugins made, the event delivery over them with the rules it calls, and the
     * settings.
     */
    record Parts(Storage storage, BlobStore blobs, EventDelivery delivery, Tally tally, List<ChannelInstance> channels,
                 Settings settings, OutboundRules outbound) {
    }

    private final RapportBuilder b;
    private final List<String> problems = new ArrayList<>();
    /** Microseconds: what both databases keep, so a value read back equals the one written. */
    private final Clock clock;
    private final Clock deliveryClock;

    Assembly(RapportBuilder builder) {
        this.b = builder;
        this.clock = Clock.tick(builder.clock, Duration.ofNanos(1_000));
        this.deliveryClock = builder.deliveryClock == null ? clock
                : Clock.tick(builder.deliveryClock, Duration.ofNanos(1_000));
    }

    Rapport build() {
        PinyinReadings.loadDictionaryInBackground(); // while the storage opens and migrates
        b.config.keySet().stream().filter(k -> PREFIXES.stream().noneMatch(k::startsWith))
                .forEach(k -> problems.add("unknown key " + k + "; known prefixes: " + PREFIXES));
        var loader = Thread.currentThread().getContextClassLoader();
        var plugins = new Plugins(clock, b.hostObjects);
        var events = settled(() -> EventSettings.from(b.config), EventSettings.standard());
        var followUps = settled(() -> FollowUpSettings.from(b.config, b.followUpPlan, b.followUpScanInterval),
                new FollowUpSettings(b.followUpPlan, b.followUpScanInterval));
        var suggestions = settled(() -> SuggestionSettings.from(b.config, b.suggestions), b.suggestions);
        var thresholds = settled(() -> b.reviewThresholds != null ? b.reviewThresholds
                : ReviewThresholds.from(b.config), b.reviewThresholds);
        var surveys = settled(() -> SurveySettings.from(b.config), SurveySettings.standard());
        var statusLinks = settled(() -> StatusLinkSettings.from(b.config), StatusLinkSettings.standard());
        Storage storage = settled(() -> storage(loader, plugins), null);
        BlobStore blobs = settled(() -> blobs(loader, storage), null);
        var notifiers = settled(() -> ConfiguredNotifiers.create(b.config, b.notifiers, events.policy(),
                b.discoverPlugins, b.factories, loader, plugins), List.<EventDelivery.NotifierInstance>of());
        var surveyProviders = settled(() -> ConfiguredSurveyProviders.create(b.config, b.surveyProviders,
                events.policy(), b.discoverPlugins, b.factories, loader, plugins),
                List.<EventDelivery.SurveyProviderInstance>of());
        var surveyIssuer = settled(() -> ConfiguredSurveyProviders.issuer(surveys, surveyProviders.stream()
                .map(EventDelivery.SurveyProviderInstance::name).toList()), Optional.<String>empty());
        var channels = settled(() -> ConfiguredChannels.create(b.config, b.channels, events.policy(),
                b.discoverPlugins, b.factories, loader, plugins), List.<ChannelInstance>of());
        statusLinks.mailChannel().filter(name -> channels.stream()
                        .noneMatch(c -> c.name().equals(name) && c.channel() instanceof Replying))
                .ifPresent(name -> problems.add(StatusLinkSettings.PREFIX + "mail-channel names " + name
                        + ", which is not a configured channel that can answer"));
        if (!problems.isEmpty()) {
            closeAll(storage, blobs, notifiers, channels, surveyProviders);
            throw new PluginConfigException(problems);
        }
        var settings = new Settings(events, followUps, suggestions, thresholds, surveys, surveyIssuer, statusLinks);
        var replying = channels.stream().filter(c -> c.channel() instanceof Replying)
                .map(c -> new EventDelivery.ReplyingChannel(c.name(), (Replying) c.channel(), c.settings().replies(),
                        c.secrets()))
                .toList();
        var tally = new Tally();
        var outbound = OutboundRules.of(channels, settings, clock, b.zone);
        var delivery = new EventDelivery(storage, deliveryClock, events, notifiers, replying, outbound.statusLinks(),
                surveyProviders, outbound.issuing(), tally);
        Wiring services = null;
        try {
            services = new Wiring(b, new Parts(storage, blobs, delivery, tally, channels, settings, outbound), clock,
                    deliveryClock);
            services.start(b.pollChannels);
            return new Rapport(services);
        } catch (RuntimeException e) {
            if (services != null) {
                services.close();
            } else {
                delivery.close();
                storage.close();
                blobs.close();
                channels.stream().filter(c -> c.pluginId().isPresent()).forEach(c -> c.channel().close());
            }
            throw e;
        }
    }

    /** The value {@code read} gives; or, when the configuration is wrong, {@code fallback}, with the problems kept. */
    private <T> T settled(Supplier<T> read, T fallback) {
        try {
            return read.get();
        } catch (PluginConfigException e) {
            problems.addAll(e.problems());
            return fallback;
        }
    }

    private Storage storage(ClassLoader loader, Plugins plugins) {
        var settings = new TreeMap<String, String>();
        b.config.forEach((k, v) -> {
            if (k.startsWith(STORAGE_PREFIX) && !k.equals(STORAGE_PREFIX + "type")) {
                settings.put(k.substring(STORAGE_PREFIX.length()), v);
            }
        });
        var catalog = PluginCatalog.of(StorageFactory.class, b.discoverPlugins, b.factories, loader);
        var factory = catalog.get(b.config.getOrDefault(STORAGE_PREFIX + "type", "jdbc"));
        return plugins.create(factory, "storage", settings);
    }

    /** A storage plugin's own blob store (the database one) reaches its database through the storage. */
    private BlobStore blobs(ClassLoader loader, Storage storage) {
        var hostObjects = new HashMap<Class<?>, Object>(b.hostObjects);
        if (storage != null) {
            hostObjects.put(Storage.class, storage);
        }
        return ConfiguredBlobStore.create(b.config, b.discoverPlugins, b.factories, loader,
                new Plugins(clock, hostObjects), Optional.ofNullable(storage));
    }

    /** Closes what a failed build made; what the host gave in code is the host's to close. */
    private void closeAll(Storage storage, BlobStore blobs, List<EventDelivery.NotifierInstance> notifiers,
                          List<ChannelInstance> channels, List<EventDelivery.SurveyProviderInstance> surveyProviders) {
        if (storage != null) {
            storage.close();
        }
        if (blobs != null) {
            blobs.close();
        }
        notifiers.stream().filter(n -> !b.notifiers.containsKey(n.name())).forEach(n -> n.notifier().close());
        channels.stream().filter(c -> c.pluginId().isPresent()).forEach(c -> c.channel().close());
        surveyProviders.stream().filter(p -> !b.surveyProviders.containsKey(p.name()))
                .forEach(p -> p.provider().close());
    }
}
