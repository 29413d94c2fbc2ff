package dev.rapport.testkit;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.rapport.api.spi.blob.BlobStoreFactory;
import dev.rapport.api.spi.channel.ChannelFactory;
import dev.rapport.api.spi.notify.NotifierFactory;
import dev.rapport.api.spi.storage.StorageFactory;
import dev.rapport.api.spi.survey.SurveyProviderFactory;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rapport's layering rules applied to one plugin's main code, as a test to extend: the plugin sees Rapport only
 * through sdk-api, reads time only from the SDK's clock, makes public only its factories (those its
 * {@code META-INF/services} files name) and what {@link #alsoPublic()} adds, and depends on nothing but the JDK,
 * sdk-api and the {@link #libraries()} it declares.
 *
 * <pre>{@code
 * class ArchitectureTest extends PluginArchitectureContract {
 *     protected String pluginPackage() { return "com.example.rapport.chat"; }
 * }
 * }</pre>
 */
public abstract class PluginArchitectureContract {
    private static final List<Class<?>> EXTENSION_POINTS = List.of(NotifierFactory.class, ChannelFactory.class,
            BlobStoreFactory.class, StorageFactory.class, SurveyProviderFactory.class);
    private static final Map<String, JavaClasses> IMPORTED = new ConcurrentHashMap<>();

    /** The root package of the plugin's main code, e.g. {@code com.example.rapport.chat}. */
    protected abstract String pluginPackage();

    /**
     * Types that may be public beside the factories: fully qualified class names, or packages written
     * {@code com.example.rapport.chat.api..}. None by default.
     */
    protected Set<String> alsoPublic() {
        return Set.of();
    }

    /**
     * The packages of the libraries the plugin brings, as ArchUnit writes them ({@code jakarta.mail..}); the JDK
     * ({@code java..}, {@code javax..}), sdk-api, the plugin toolkit and the plugin's own packages are always allowed. None by default:
     * every library is one whose version may clash with the host's.
     */
    protected List<String> libraries() {
        return List.of();
    }

    private JavaClasses main() {
        JavaClasses main = IMPORTED.computeIfAbsent(pluginPackage(), p -> new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(p));
        assertThat(main).as("main classes in %s: the rules would pass on nothing", pluginPackage()).isNotEmpty();
        return main;
    }

    @Test
    void thePluginSeesRapportOnlyThroughItsApi() {
        RapportArchRules.PLUGINS_SEE_ONLY_THE_API.check(main());
    }

    @Test
    void thePluginReadsTimeOnlyFromTheSdksClock() {
        RapportArchRules.TIME_ONLY_FROM_THE_CLOCK.check(main());
    }

    @Test
    void onlyTheFactoriesAndWhatTheTestAddsArePublic() {
        Set<String> factories = registeredFactories();
        assertThat(factories).as("factories of %s named in META-INF/services", pluginPackage()).isNotEmpty();

        noClasses().that(describe("are neither a factory named in META-INF/services nor named by alsoPublic()",
                        (JavaClass c) -> !factories.contains(c.getName()) && !allowedPublic(c)))
                .should().bePublic()
                .because("hosts reach a plugin through the SPI; everything else may change freely")
                .allowEmptyShould(true)
                .check(main());
    }

    private boolean allowedPublic(JavaClass type) {
        return alsoPublic().stream().anyMatch(name -> name.endsWith("..")
                ? type.getPackageName().startsWith(name.substring(0, name.length() - 2))
                : type.getName().equals(name));
    }

    @Test
    void thePluginBringsOnlyTheLibrariesItDeclares() {
        var allowed = new ArrayList<>(List.of("java..", "javax..", "dev.rapport.api..", "dev.rapport.toolkit..",
                pluginPackage() + ".."));
        allowed.addAll(libraries());

        noClasses().should().dependOnClassesThat().resideOutsideOfPackages(allowed.toArray(String[]::new))
                .because("a library the plugin brings may clash with the host's; declare each in libraries()")
                .check(main());
    }

    /** The factory classes of the plugin's package that a {@code META-INF/services} file of an extension point names. */
    private Set<String> registeredFactories() {
        var names = new TreeSet<String>();
        for (Class<?> extensionPoint : EXTENSION_POINTS) {
            try {
                for (URL file : Collections.list(getClass().getClassLoader()
                        .getResources("META-INF/services/" + extensionPoint.getName()))) {
                    try (var lines = new BufferedReader(new InputStreamReader(file.openStream(), StandardCharsets.UTF_8))) {
                        lines.lines().map(l -> l.replaceAll("#.*", "").strip())
                                .filter(l -> l.startsWith(pluginPackage() + ".")).forEach(names::add);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return names;
    }
}
