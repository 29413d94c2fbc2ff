package dev.rapport.core.internal.plugin;

import dev.rapport.api.spi.PluginConfigException;
import dev.rapport.api.spi.PluginFactory;
import dev.rapport.api.spi.blob.BlobStoreFactory;
import dev.rapport.api.spi.channel.ChannelFactory;
import dev.rapport.api.spi.notify.NotifierFactory;
import dev.rapport.api.spi.storage.StorageFactory;
import dev.rapport.api.spi.survey.SurveyProviderFactory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * The plugin factories one class loader provides through {@link ServiceLoader}, of every extension point: what a
 * host finds in a plugin's own class loader (e.g. one per jar of a plugins directory), as
 * {@link dev.rapport.core.RapportBuilder#pluginLoader(ClassLoader)} does.
 */
public final class PluginDiscovery {
    /** Every extension point whose factories the SDK looks up by id. */
    public static final List<Class<? extends PluginFactory<?>>> EXTENSION_POINTS = List.of(StorageFactory.class,
            BlobStoreFactory.class, NotifierFactory.class, ChannelFactory.class, SurveyProviderFactory.class);

    private PluginDiscovery() {
    }

    /**
     * Instantiates every factory {@code loader} declares in {@code META-INF/services}, of each extension point.
     *
     * @throws PluginConfigException when a service file is malformed, names a class that is missing or not a
     *                               factory, a factory cannot be instantiated, or two factories of one extension point
     *                               share an id; the message names the extension point and the reason
     */
    public static List<PluginFactory<?>> factories(ClassLoader loader) {
        var found = new ArrayList<PluginFactory<?>>();
        for (var spi : EXTENSION_POINTS) {
            try {
                for (PluginFactory<?> factory : ServiceLoader.load(spi, loader)) {
                    refuseSharedIds(found, List.of(factory));
                    found.add(factory);
                }
            } catch (ServiceConfigurationError e) {
                // its message starts with the extension point's name
                throw new PluginConfigException(reason(e));
            } catch (LinkageError e) {
                // a factory class that needs a class its jar does not bring, or compiled for a newer Java
                throw new PluginConfigException(spi.getName() + ": " + e.getClass().getSimpleName() + " " + reason(e));
            }
        }
        return List.copyOf(found);
    }

    /**
     * @throws PluginConfigException naming the id and both classes when a factory of {@code added} has the
     *                               extension point and id of one in {@code present}
     */
    public static void refuseSharedIds(Collection<? extends PluginFactory<?>> present,
                                       Collection<? extends PluginFactory<?>> added) {
        for (var factory : added) {
            var point = extensionPoint(factory);
            present.stream()
                    .filter(other -> other.id().equals(factory.id()) && extensionPoint(other).equals(point))
                    .findFirst().ifPresent(other -> {
                        throw new PluginConfigException("Two " + point.map(Class::getSimpleName).orElse("factories")
                                + "s have the id '" + factory.id() + "': " + other.getClass().getName() + " and "
                                + factory.getClass().getName());
                    });
        }
    }

    /** Which of {@link #EXTENSION_POINTS} the factory implements; empty for none of them. */
    public static Optional<Class<? extends PluginFactory<?>>> extensionPoint(PluginFactory<?> factory) {
        return EXTENSION_POINTS.stream().filter(spi -> spi.isInstance(factory)).findFirst();
    }

    /** The message and its causes' messages: what went wrong, without a stack trace. */
    private static String reason(Throwable error) {
        var text = new StringBuilder(String.valueOf(error.getMessage()));
        for (var cause = error.getCause(); cause != null; cause = cause.getCause()) {
            text.append(": ").append(cause.getClass().getSimpleName());
            if (cause.getMessage() != null) {
                text.append(' ').append(cause.getMessage());
            }
            if (cause == cause.getCause()) {
                break;
            }
        }
        return text.toString();
    }
}
