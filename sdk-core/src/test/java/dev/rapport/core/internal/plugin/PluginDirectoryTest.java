package dev.rapport.core.internal.plugin;

import dev.rapport.api.spi.PluginConfigException;
import dev.rapport.api.spi.PluginContext;
import dev.rapport.api.spi.notify.Delivery;
import dev.rapport.api.spi.notify.Notification;
import dev.rapport.api.spi.notify.Notifier;
import dev.rapport.api.spi.notify.NotifierFactory;
import dev.rapport.core.Rapport;
import dev.rapport.core.RapportBuilder;
import dev.rapport.testkit.PluginJars;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PluginDirectoryTest {
    private static final ClassLoader SERVER = PluginDirectoryTest.class.getClassLoader();

    @TempDir
    Path work;

    private Path plugins() throws IOException {
        return Files.createDirectories(work.resolve("plugins"));
    }

    @Test
    void aPluginJarIsLoadedInAClassLoaderOfItsOwnThatSharesTheSdkApiAndNothingElseOfTheServer() throws Exception {
        var dir = plugins();
        new PluginJars(work).fileNotifierJar(dir, "file-notifier.jar", "com.example.file", "file", "1.0");

        var loaded = PluginDirectory.load(dir, SERVER);

        assertThat(loaded).singleElement().satisfies(plugin -> {
            assertThat(plugin.path()).isEqualTo(dir.resolve("file-notifier.jar"));
            assertThat(plugin.summary()).endsWith("file-notifier.jar: NotifierFactory 'file'");
            assertThat(plugin.factories()).singleElement().isInstanceOf(NotifierFactory.class)
                    .satisfies(f -> assertThat(f.getClass().getClassLoader()).isSameAs(plugin.loader()));
            assertThat(plugin.loader().loadClass(NotifierFactory.class.getName())).isSameAs(NotifierFactory.class);
            assertThatThrownBy(() -> plugin.loader().loadClass(Rapport.class.getName()))
                    .isInstanceOf(ClassNotFoundException.class);
            assertThatThrownBy(() -> plugin.loader().loadClass("org.assertj.core.api.Assertions"))
                    .isInstanceOf(ClassNotFoundException.class);
            // nor the server's service files: a plugin does not find the bundled plugins through its loader
            assertThat(plugin.loader().getResource(PluginJars.NOTIFIER_SERVICE).toString())
                    .contains("file-notifier.jar");
        });
    }

    @Test
    void twoPluginsBringingDifferentVersionsOfOneLibraryEachSeeTheirOwn() throws Exception {
        var dir = plugins();
        var jars = new PluginJars(work);
        jars.fileNotifierWithLibrary(dir, "alpha", "com.example.alpha", "alpha", "1.0");
        jars.fileNotifierWithLibrary(dir, "beta", "com.example.beta", "beta", "2.0");

        var loaded = PluginDirectory.load(dir, SERVER);

        assertThat(loaded).extracting(plugin -> plugin.factories().getFirst().id() + " uses "
                + plugin.factories().getFirst()).containsExactly("alpha uses library 1.0", "beta uses library 2.0");
        assertThat(loaded.get(0).loader().loadClass("com.example.lib.Version"))
                .isNotSameAs(loaded.get(1).loader().loadClass("com.example.lib.Version"));
    }

    @Test
    void hiddenEntriesAreSkippedAndAnEmptyDirectoryLoadsNothing() throws Exception {
        var dir = plugins();
        Files.writeString(dir.resolve(".DS_Store"), "finder");

        assertThat(PluginDirectory.load(dir, SERVER)).isEmpty();
    }

    @Test
    void everyPluginThatCannotBeLoadedIsNamedWithItsReason() throws Exception {
        var dir = plugins();
        var jars = new PluginJars(work);
        Files.writeString(dir.resolve("not-a-jar.jar"), "this is text, not a zip");
        Files.writeString(dir.resolve("README.txt"), "notes");
        Files.createDirectories(dir.resolve("empty-plugin"));
        var classes = jars.compile(PluginJars.library("1.0"));
        PluginJars.jar(dir.resolve("no-services.jar"), classes, any -> true, Map.of());
        PluginJars.jar(dir.resolve("missing-class.jar"), classes, any -> true,
                Map.of(PluginJars.NOTIFIER_SERVICE, "com.example.gone.GoneFactory\n"));
        PluginJars.jar(dir.resolve("bad-service-file.jar"), classes, any -> true,
                Map.of(PluginJars.NOTIFIER_SERVICE, "com.example.not a class name!\n"));
        jars.fileNotifierJar(dir, "webhook-again.jar", "com.example.webhook", "webhook", "1.0");
        var bundled = jars.fileNotifierJar(work.resolve("host"), "bundled.jar", "com.example.bundled", "webhook", "0");
        var host = new URLClassLoader(new URL[]{bundled.toUri().toURL()}, SERVER);
        jars.fileNotifierJar(dir, "x-first.jar", "com.example.first", "twin", "1.0");
        jars.fileNotifierJar(dir, "y-second.jar", "com.example.second", "twin", "1.0");
        var failing = jars.compile(Map.of("com.example.failing.FailingFactory", """
                package com.example.failing;

                public final class FailingFactory implements dev.rapport.api.spi.notify.NotifierFactory {
                    public FailingFactory() {
                        throw new IllegalStateException("no licence key");
                    }

                    public String id() {
                        return "failing";
                    }

                    public dev.rapport.api.spi.notify.Notifier create(dev.rapport.api.spi.PluginContext context) {
                        throw new UnsupportedOperationException();
                    }
                }
                """));
        PluginJars.jar(dir.resolve("failing.jar"), failing, any -> true,
                Map.of(PluginJars.NOTIFIER_SERVICE, "com.example.failing.FailingFactory\n"));

        assertThatThrownBy(() -> PluginDirectory.load(dir, host))
                .isInstanceOfSatisfying(PluginConfigException.class, e -> {
                    assertThat(e.problems()).containsExactly(
                            dir.resolve("README.txt") + ": not a plugin: a plugin is a .jar file, or a directory of"
                                    + " the .jar files of one plugin and its libraries",
                            problem(e, "bad-service-file.jar"),
                            dir.resolve("empty-plugin") + ": a plugin directory must hold its plugin's .jar files,"
                                    + " and holds none",
                            problem(e, "failing.jar"),
                            problem(e, "missing-class.jar"),
                            problem(e, "no-services.jar"),
                            problem(e, "not-a-jar.jar"),
                            dir.resolve("webhook-again.jar") + ": NotifierFactory 'webhook' is already provided by the"
                                    + " class path's com.example.bundled.FileNotifierFactory",
                            dir.resolve("y-second.jar") + ": NotifierFactory 'twin' is already provided by "
                                    + dir.resolve("x-first.jar"));
                    assertThat(problem(e, "bad-service-file.jar")).contains("Illegal configuration-file syntax");
                    assertThat(problem(e, "failing.jar")).contains("could not be instantiated")
                            .contains("IllegalStateException no licence key");
                    assertThat(problem(e, "missing-class.jar")).contains("com.example.gone.GoneFactory not found");
                    assertThat(problem(e, "no-services.jar")).contains("provides no plugin factory")
                            .contains(NotifierFactory.class.getName());
                    assertThat(problem(e, "not-a-jar.jar")).contains("not a readable jar");
                });
    }

    @Test
    void aPluginsLoaderGivesItsFactoriesToTheSdkBesideTheBundledOnes() throws Exception {
        var dir = plugins();
        new PluginJars(work).fileNotifierJar(dir, "file-notifier.jar", "com.example.file", "file", "1.0");

        assertThatThrownBy(() -> sdkWithAFileNotifier().build())
                .hasMessageContaining("No NotifierFactory with id 'file'");
        try (var rapport = sdkWithAFileNotifier().pluginDirectory(dir).build()) {
            assertThat(rapport.users()).isNotNull();
        }
    }

    @Test
    void closingTheSdkReleasesThePluginJars() throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc/self/fd")), "open files are listed in /proc");
        var dir = plugins();
        new PluginJars(work).fileNotifierJar(dir, "file-notifier.jar", "com.example.file", "file", "1.0");
        Path jar = dir.resolve("file-notifier.jar").toRealPath();

        var rapport = sdkWithAFileNotifier().pluginDirectory(dir).build();
        assertThat(openFiles()).as("files open while the SDK runs").contains(jar);
        rapport.close();

        assertThat(openFiles()).as("files open once the SDK is closed").doesNotContain(jar);
    }

    private static java.util.List<Path> openFiles() throws IOException {
        try (var descriptors = Files.list(Path.of("/proc/self/fd"))) {
            return descriptors.flatMap(fd -> {
                try {
                    return java.util.stream.Stream.of(Files.readSymbolicLink(fd));
                } catch (IOException gone) {
                    return java.util.stream.Stream.empty(); // closed while listing
                }
            }).toList();
        }
    }

    @Test
    void twoPluginLoadersCannotProvideOneIdForOneExtensionPoint() throws Exception {
        var dir = plugins();
        new PluginJars(work).fileNotifierJar(dir, "file-notifier.jar", "com.example.file", "file", "1.0");
        var plugin = PluginDirectory.load(dir, SERVER).getFirst();

        assertThatThrownBy(() -> Rapport.builder().pluginLoader(plugin.loader()).pluginLoader(plugin.loader()))
                .isInstanceOf(PluginConfigException.class)
                .hasMessage("Two NotifierFactorys have the id 'file': com.example.file.FileNotifierFactory and "
                        + "com.example.file.FileNotifierFactory");
    }

    @Test
    void aFactoryGivenInCodeReplacesAPluginsFactoryWithTheSameId() throws Exception {
        var dir = plugins();
        new PluginJars(work).fileNotifierJar(dir, "file-notifier.jar", "com.example.file", "file", "1.0");
        var created = new java.util.concurrent.atomic.AtomicInteger();
        var inCode = new NotifierFactory() {
            @Override
            public String id() {
                return "file";
            }

            @Override
            public Notifier create(PluginContext context) {
                context.config().string("path");
                created.incrementAndGet();
                return new Notifier() {
                    @Override
                    public Delivery deliver(Notification notification) {
                        return Delivery.delivered();
                    }

                    @Override
                    public void close() {
                    }
                };
            }
        };

        try (var rapport = sdkWithAFileNotifier().factory(inCode).pluginDirectory(dir).build()) {
            assertThat(created).hasValue(1);
        }
    }

    private RapportBuilder sdkWithAFileNotifier() {
        return Rapport.builder().jdbcUrl("jdbc:h2:mem:plugins-" + System.nanoTime())
                .config("rapport.blobs.directory", work.resolve("blobs").toString())
                .config("rapport.notifiers.audit-file.type", "file")
                .config("rapport.notifiers.audit-file.path", work.resolve("delivered.txt").toString());
    }

    /** The one problem about {@code fileName}. */
    private static String problem(PluginConfigException e, String fileName) {
        return e.problems().stream().filter(p -> p.contains(fileName + ": ")).findFirst()
                .orElseThrow(() -> new AssertionError("no problem about " + fileName + " in " + e.problems()));
    }
}
