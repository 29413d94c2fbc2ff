package dev.rapport.core.internal.plugin;

/**
 * The parent of every plugin's class loader: the JDK (through the platform class loader) and the SDK API's classes
 * ({@code dev.rapport.api.*}) as the server has them, and nothing else: no server, SDK core or library class and no
 * resource of the server's class path. So a plugin sees the very {@code NotifierFactory} the SDK looks up, while each
 * plugin's own libraries, whatever their versions, stay its own.
 */
final class ApiOnlyClassLoader extends ClassLoader {
    static final String SHARED_PACKAGE = "dev.rapport.api.";

    private final ClassLoader host;

    ApiOnlyClassLoader(ClassLoader host) {
        super("rapport-plugin-api", ClassLoader.getPlatformClassLoader());
        this.host = host;
    }

    /** Reached for what the platform class loader lacks: only the API is handed on, from the server's loader. */
    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        if (name.startsWith(SHARED_PACKAGE)) {
            return host.loadClass(name);
        }
        throw new ClassNotFoundException(name + " (a plugin sees only the JDK, dev.rapport.api.* and its own jars)");
    }
}
