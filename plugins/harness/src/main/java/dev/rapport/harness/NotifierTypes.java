package dev.rapport.harness;

import dev.rapport.api.spi.notify.NotifierFactory;

import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;

/**
 * The notifier types the test class path offers, found as the SDK finds them: with {@link ServiceLoader} through
 * {@code META-INF/services/dev.rapport.api.spi.notify.NotifierFactory}.
 */
final class NotifierTypes {
    private NotifierTypes() {
    }

    /**
     * @throws IllegalStateException naming the types there are and where a factory is registered, when none has
     *                               {@code type} as its id
     */
    static void require(String type, ClassLoader loader) {
        Set<String> found = new TreeSet<>();
        for (var factory : ServiceLoader.load(NotifierFactory.class, loader)) {
            found.add(factory.id());
        }
        if (!found.contains(type)) {
            throw new IllegalStateException("No notifier of type \"" + type + "\" on the test class path (there are "
                    + (found.isEmpty() ? "none" : found) + "): its factory's id() must return \"" + type
                    + "\", and its class be named in src/main/resources/META-INF/services/"
                    + NotifierFactory.class.getName());
        }
    }
}
