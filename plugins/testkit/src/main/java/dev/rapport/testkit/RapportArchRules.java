package dev.rapport.testkit;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import java.util.ArrayList;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.codeUnits;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Rapport's layering rules as ArchUnit rules, so that plugin authors can run them on their own code too:
 * {@code RapportArchRules.PLUGINS_SEE_ONLY_THE_API.check(new ClassFileImporter().importPackages("com.acme"))}.
 */
public final class RapportArchRules {
    private RapportArchRules() {
    }

    /** sdk-api is the product's vocabulary and depends on the JDK only. */
    public static final ArchRule API_DEPENDS_ON_JDK_ONLY = classes()
            .that().resideInAPackage("dev.rapport.api..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "dev.rapport.api..")
            .as("sdk-api depends on the JDK only");

    /** Plugins compile against sdk-api, never against the core or the server. */
    public static final ArchRule PLUGINS_SEE_ONLY_THE_API = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("dev.rapport.core..", "dev.rapport.server..")
            .as("plugins depend on sdk-api only, not on sdk-core or the reference server");

    /** The core holds the rules and reaches storage only through the SPI: no JDBC, Jdbi, Helidon or Jackson. */
    public static final ArchRule CORE_HAS_NO_INFRASTRUCTURE = noClasses()
            .that().resideInAPackage("dev.rapport.core..")
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "org.jdbi..", "com.zaxxer..",
                    "org.flywaydb..", "org.h2..", "org.postgresql..", "io.helidon..", "com.fasterxml.jackson..")
            .as("sdk-core has no JDBC, Jdbi, Helidon or Jackson dependencies");

    /**
     * The reference server is thin: it sees the SDK through sdk-api and the {@code Rapport} entry point with its
     * builder, never the core's rules or the storage SPI.
     */
    public static final ArchRule SERVER_HOLDS_NO_DOMAIN_RULES = noClasses()
            .that().resideInAPackage("dev.rapport.server..")
            .should().dependOnClassesThat(DescribedPredicate.describe("core rules or the storage SPI",
                    // A pushed request is the one SPI value a host builds: it hands it to the Inbox as it came.
                    c -> c.getPackageName().startsWith("dev.rapport.api.spi")
                            && !c.getName().equals("dev.rapport.api.spi.channel.InboundRequest")
                            || c.getPackageName().startsWith("dev.rapport.core")
                            && !c.getName().equals("dev.rapport.core.Rapport")
                            && !c.getName().equals("dev.rapport.core.RapportBuilder")))
            .as("the reference server holds no domain rules: it calls sdk-api services through Rapport");

    /**
     * The host surface of sdk-core, the public types of {@code dev.rapport.core}, takes and returns only sdk-api, JDK
     * and its own types: nothing a host reaches through it lives under {@code dev.rapport.core.internal}.
     */
    public static final ArchRule HOST_SURFACE_NAMES_NO_INTERNAL_TYPE = codeUnits()
            .that().areDeclaredInClassesThat().resideInAPackage("dev.rapport.core")
            .and().areDeclaredInClassesThat().arePublic()
            .and().arePublic()
            .should(new ArchCondition<JavaCodeUnit>("name no type of dev.rapport.core.internal") {
                @Override
                public void check(JavaCodeUnit unit, ConditionEvents events) {
                    var types = new ArrayList<JavaClass>(unit.getRawParameterTypes());
                    types.add(unit.getRawReturnType());
                    types.stream().filter(t -> t.getPackageName().startsWith("dev.rapport.core.internal"))
                            .forEach(t -> events.add(SimpleConditionEvent.violated(unit,
                                    unit.getFullName() + " names " + t.getName())));
                }
            })
            .as("the host surface of sdk-core names no internal type");

    /** Hosts, plugins and the reference server never reach into sdk-core's implementation. */
    public static final ArchRule NOTHING_OUTSIDE_THE_CORE_USES_ITS_INTERNALS = noClasses()
            .that().resideOutsideOfPackage("dev.rapport.core..")
            .should().dependOnClassesThat().resideInAPackage("dev.rapport.core.internal..")
            .as("nothing outside sdk-core uses dev.rapport.core.internal");

    private static final DescribedPredicate<JavaCall<?>> READS_WALL_CLOCK = DescribedPredicate.describe(
            "reads the wall clock",
            call -> {
                var target = call.getTarget();
                String owner = target.getOwner().getName();
                boolean noArgNow = target.getName().equals("now") && target.getRawParameterTypes().isEmpty()
                        && owner.startsWith("java.time.");
                boolean millis = owner.equals("java.lang.System") && target.getName().equals("currentTimeMillis");
                return noArgNow || millis;
            });

    /** Time is read only from the injected {@link java.time.Clock}, so that hosts and tests control it. */
    public static final ArchRule TIME_ONLY_FROM_THE_CLOCK = noClasses()
            .should().callMethodWhere(READS_WALL_CLOCK)
            .as("main code reads time only from the injected Clock (no Instant.now(), LocalDateTime.now(), "
                    + "System.currentTimeMillis())");
}
