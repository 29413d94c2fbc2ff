package dev.rapport.core.internal.plugin;

import dev.rapport.api.spi.PluginConfigException;
import dev.rapport.api.spi.PluginFactory;

import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The factories available for one extension point: those found by {@link ServiceLoader} (unless discovery is off),
 * replaced by explicitly given ones with the same id. Available is not active: nothing is created here.
 */
public final class PluginCatalog<F extends PluginFactory<?>> {
    private static final Pattern KEBAB = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

    private final String extensionPoint;
    private final Map<String, F> byId;

    private PluginCatalog(String extensionPoint, Map<String, F> byId) {
        this.extensionPoint = extensionPoint;
        this.byId = byId;
    }

    /**
     * @throws PluginConfigException when two discovered factories share an id (naming both classes), or an id is
     *                               not kebab-case
     */
    public static <F extends PluginFactory<?>> PluginCatalog<F> of(Class<F> spi, boolean discover, List<?> explicit,
                                                                   ClassLoader loader) {
        var byId = new TreeMap<String, F>();
        if (discover) {
            for (F factory : ServiceLoader.load(spi, loader)) {
                F earlier = byId.putIfAbsent(factory.id(), factory);
                if (earlier != null) {
                    throw new PluginConfigException("Two " + spi.getSimpleName() + "s have the id '" + factory.id()
                            + "': " + earlier.getClass().getName() + " and " + factory.getClass().getName());
                }
            }
        }
        explicit.stream().filter(spi::isInstance).map(spi::cast).forEach(f -> byId.put(f.id(), f));
        byId.keySet().stream().filter(id -> !KEBAB.matcher(id).matches()).findFirst().ifPresent(id -> {
            throw new PluginConfigException(spi.getSimpleName() + " id '" + id + "' is not kebab-case");
        });
        return new PluginCatalog<>(spi.getSimpleName(), byId);
    }

    /** @throws PluginConfigException naming the available ids when none has this id */
    public F get(String id) {
        F factory = byId.get(id);
        if (factory == null) {
            throw new PluginConfigException("No " + extensionPoint + " with id '" + id + "'; available: " + byId.keySet());
        }
        return factory;
    }
}
