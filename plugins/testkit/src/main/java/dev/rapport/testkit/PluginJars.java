package dev.rapport.testkit;

import dev.rapport.api.spi.notify.NotifierFactory;

import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * Third-party plugin jars as a plugin author would build them: Java sources compiled here with javax.tools against
 * the SDK API alone, packed into jars in a temporary directory, never on the server's class path.
 */
public final class PluginJars {
    /** Where a jar declares its notifier factories. */
    public static final String NOTIFIER_SERVICE = "META-INF/services/" + NotifierFactory.class.getName();

    private final Path work;
    private int compilations;

    /** @param work where the generated sources and classes go */
    public PluginJars(Path work) {
        this.work = work;
    }

    /**
     * A notifier with the id {@code id} that appends a line per notification to the file its {@code path} setting
     * names: {@code <event type> <subject id> library <Version.VALUE>}. Its {@code toString()} is
     * {@code library <Version.VALUE>}, the constant of the library class {@code com.example.lib.Version} it uses.
     */
    public static Map<String, String> fileNotifier(String packageName, String id) {
        return Map.of(packageName + ".FileNotifierFactory", """
                package %s;

                import com.example.lib.Version;
                import dev.rapport.api.spi.PluginContext;
                import dev.rapport.api.spi.notify.Delivery;
                import dev.rapport.api.spi.notify.Notification;
                import dev.rapport.api.spi.notify.Notifier;
                import dev.rapport.api.spi.notify.NotifierFactory;

                import java.io.IOException;
                import java.nio.file.Files;
                import java.nio.file.Path;
                import java.nio.file.StandardOpenOption;
                import java.time.Duration;

                public final class FileNotifierFactory implements NotifierFactory {
                    @Override
                    public String id() {
                        return "%s";
                    }

                    @Override
                    public Notifier create(PluginContext context) {
                        Path file = Path.of(context.config().string("path"));
                        return new Notifier() {
                            @Override
                            public Delivery deliver(Notification notification) {
                                String line = notification.event().eventType() + " "
                                        + notification.event().subjectId() + " library " + Version.VALUE + "\\n";
                                try {
                                    Files.writeString(file, line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                                    return Delivery.delivered();
                                } catch (IOException e) {
                                    return new Delivery.RetryLater(Duration.ofSeconds(1), e.toString());
                                }
                            }

                            @Override
                            public void close() {
                            }
                        };
                    }

                    @Override
                    public String toString() {
                        return "library " + Version.VALUE;
                    }
                }
                """.formatted(packageName, id));
    }

    /** One jar {@code name} in {@code pluginsDir}: the {@link #fileNotifier file notifier} and its library. */
    public Path fileNotifierJar(Path pluginsDir, String name, String packageName, String id, String libraryValue) {
        var classes = compile(merge(fileNotifier(packageName, id), library(libraryValue)));
        return jar(pluginsDir.resolve(name), classes, any -> true,
                Map.of(NOTIFIER_SERVICE, packageName + ".FileNotifierFactory\n"));
    }

    /**
     * A plugin directory {@code name} in {@code pluginsDir}: {@code notifier.jar} with the {@link #fileNotifier file
     * notifier} and {@code lib.jar} with the version {@code libraryValue} of the library it uses.
     */
    public Path fileNotifierWithLibrary(Path pluginsDir, String name, String packageName, String id,
                                        String libraryValue) {
        var classes = compile(merge(fileNotifier(packageName, id), library(libraryValue)));
        var dir = pluginsDir.resolve(name);
        jar(dir.resolve("notifier.jar"), classes, path -> !path.startsWith("com/example/lib/"),
                Map.of(NOTIFIER_SERVICE, packageName + ".FileNotifierFactory\n"));
        jar(dir.resolve("lib.jar"), classes, path -> path.startsWith("com/example/lib/"), Map.of());
        return dir;
    }

    private static Map<String, String> merge(Map<String, String> a, Map<String, String> b) {
        var all = new java.util.HashMap<>(a);
        all.putAll(b);
        return all;
    }

    /** The library class {@code com.example.lib.Version} whose {@code VALUE} is {@code value}. */
    public static Map<String, String> library(String value) {
        return Map.of("com.example.lib.Version", """
                package com.example.lib;

                public final class Version {
                    public static final String VALUE = "%s";

                    private Version() {
                    }
                }
                """.formatted(value));
    }

    /** Compiles {@code sources} (class name to source) against the SDK API; returns the class directory. */
    public Path compile(Map<String, String> sources) {
        try {
            var root = Files.createDirectories(work.resolve("compile-" + ++compilations));
            var sourceDir = Files.createDirectories(root.resolve("src"));
            var classes = Files.createDirectories(root.resolve("classes"));
            var files = new ArrayList<String>();
            for (var source : sources.entrySet()) {
                var file = sourceDir.resolve(source.getKey().replace('.', '/') + ".java");
                Files.createDirectories(file.getParent());
                Files.writeString(file, source.getValue());
                files.add(file.toString());
            }
            var arguments = new ArrayList<>(List.of("--release", "21", "-proc:none", "-classpath", sdkApi().toString(),
                    "-d", classes.toString()));
            arguments.addAll(files);
            var errors = new ByteArrayOutputStream();
            int status = ToolProvider.getSystemJavaCompiler()
                    .run(null, errors, errors, arguments.toArray(String[]::new));
            if (status != 0) {
                throw new IllegalStateException("javac failed:\n" + errors.toString(StandardCharsets.UTF_8));
            }
            return classes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Packs the class files of {@code classes} whose path (e.g. {@code com/example/lib/Version.class}) passes
     * {@code include}, and the text {@code resources} (path to content), into {@code jar}.
     */
    public static Path jar(Path jar, Path classes, Predicate<String> include, Map<String, String> resources) {
        try {
            Files.createDirectories(jar.getParent());
            try (var out = new JarOutputStream(Files.newOutputStream(jar));
                 Stream<Path> files = Files.walk(classes)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    String name = classes.relativize(file).toString().replace('\\', '/');
                    if (include.test(name)) {
                        out.putNextEntry(new JarEntry(name));
                        out.write(Files.readAllBytes(file));
                        out.closeEntry();
                    }
                }
                for (var resource : resources.entrySet()) {
                    out.putNextEntry(new JarEntry(resource.getKey()));
                    out.write(resource.getValue().getBytes(StandardCharsets.UTF_8));
                    out.closeEntry();
                }
            }
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The jar (or class directory, in a reactor build) the server's SDK API comes from. */
    private static Path sdkApi() {
        try {
            return Path.of(NotifierFactory.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
