package dev.rapport.testkit;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Everything logged through {@link System.Logger} (whose default back end is {@code java.util.logging}) while it is
 * open, at every level, so that a test can check what a plugin logs, and that it logs no secret:
 *
 * <pre>{@code
 * try (var log = LogCapture.start()) {
 *     notifier.deliver(notification);
 *     assertThat(log.lines()).singleElement().asString().contains("TicketCreated");
 * }
 * }</pre>
 */
public final class LogCapture implements AutoCloseable {
    private final Logger root = Logger.getLogger("");
    private final Level previousLevel = root.getLevel();
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final SimpleFormatter formatter = new SimpleFormatter();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord logRecord) {
            records.add(logRecord);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private LogCapture() {
        handler.setLevel(Level.ALL);
        root.addHandler(handler);
        root.setLevel(Level.ALL);
    }

    /** Starts capturing; close to stop and restore the root logger's level. */
    public static LogCapture start() {
        return new LogCapture();
    }

    /** The captured records, in order. */
    public List<LogRecord> records() {
        return List.copyOf(records);
    }

    /**
     * Each captured record as one text: level, logger, the message with its parameters filled in, and the stack
     * trace of its throwable, if any.
     */
    public List<String> lines() {
        return records.stream().map(this::line).toList();
    }

    /** The captured lines of the logger named {@code loggerName}. */
    public List<String> linesOf(String loggerName) {
        return records.stream().filter(r -> loggerName.equals(r.getLoggerName())).map(this::line).toList();
    }

    private String line(LogRecord logRecord) {
        String text = logRecord.getLevel() + " " + logRecord.getLoggerName() + ": " + formatter.formatMessage(logRecord);
        if (logRecord.getThrown() != null) {
            var trace = new StringWriter();
            logRecord.getThrown().printStackTrace(new PrintWriter(trace));
            text += System.lineSeparator() + trace;
        }
        return text;
    }

    @Override
    public void close() {
        root.removeHandler(handler);
        root.setLevel(previousLevel);
    }
}
