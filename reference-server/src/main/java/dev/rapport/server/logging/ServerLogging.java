package dev.rapport.server.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

import java.util.Map;

/**
 * The server's logging: SLF4J written by Logback to standard output, in {@link LogFormat plain text or JSON lines}.
 * What logs through {@code java.util.logging} or {@link System.Logger} (the SDK, the plugins, Helidon) is bridged into
 * SLF4J on the thread that logs, so the request id of {@code dev.rapport.server.http.RequestIds} in the MDC reaches
 * every line written while a request is handled.
 */
public final class ServerLogging {
    /** Plain lines: the request id stands in brackets, {@code -} outside a request. */
    static final String PLAIN_PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSS} %-5level [%X{requestId:--}] %logger: %msg%n";
    /** Libraries that say too much at INFO for a server's log. */
    private static final Map<String, Level> LEVELS = Map.of(
            "com.zaxxer.hikari", Level.WARN,
            "org.flywaydb", Level.WARN,
            "io.helidon", Level.WARN,
            // Its start and stop lines are worth keeping.
            "io.helidon.webserver.LoomServer", Level.INFO);

    private ServerLogging() {
    }

    /**
     * Configures the server's logging for good: Logback in {@code format}, and {@code java.util.logging} (hence
     * {@link System.Logger}) handed to SLF4J instead of its own console handler. Call once, first thing in main.
     */
    public static void install(LogFormat format) {
        configure((LoggerContext) LoggerFactory.getILoggerFactory(), format);
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
    }

    /** Sets up {@code context}: one console appender in {@code format}, INFO and above, quieter libraries. */
    static void configure(LoggerContext context, LogFormat format) {
        context.reset();
        var appender = new ConsoleAppender<ILoggingEvent>();
        appender.setContext(context);
        appender.setName("console");
        appender.setEncoder(encoder(context, format));
        appender.start();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(appender);
        LEVELS.forEach((name, level) -> context.getLogger(name).setLevel(level));
    }

    /** The encoder of {@code format}, started: what the server's console appender writes lines with. */
    public static Encoder<ILoggingEvent> encoder(LoggerContext context, LogFormat format) {
        return switch (format) {
            case PLAIN -> {
                var encoder = new PatternLayoutEncoder();
                encoder.setContext(context);
                encoder.setPattern(PLAIN_PATTERN);
                encoder.start();
                yield encoder;
            }
            case JSON -> {
                var encoder = new JsonEncoder();
                encoder.setContext(context);
                // The message as written: records bridged from System.Logger arrive formatted already.
                encoder.setWithFormattedMessage(true);
                encoder.setWithMessage(false);
                encoder.setWithArguments(false);
                encoder.setWithSequenceNumber(false);
                encoder.setWithNanoseconds(false);
                encoder.setWithContext(false);
                encoder.start();
                yield encoder;
            }
        };
    }
}
