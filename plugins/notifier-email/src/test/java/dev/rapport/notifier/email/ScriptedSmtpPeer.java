package dev.rapport.notifier.email;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * A real SMTP server on a loopback port that answers with the replies a test scripts, including the ones GreenMail
 * never gives: 4xx "try later", 5xx refusals at any stage, and a server that accepts connections but never speaks.
 * Its threads are named {@value #THREAD_PREFIX}….
 */
final class ScriptedSmtpPeer implements AutoCloseable {
    static final String THREAD_PREFIX = "scripted-smtp-";
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final ServerSocket server;
    private final List<Socket> connections = new CopyOnWriteArrayList<>();
    private final List<String> commands = new CopyOnWriteArrayList<>();
    private volatile String greeting = "220 scripted.example ESMTP";
    private volatile boolean silent;
    private volatile String mailReply = "250 2.1.0 OK";
    private volatile UnaryOperator<String> rcptReply = command -> "250 2.1.5 OK";
    private volatile String dataReply = "250 2.0.0 OK queued";

    private ScriptedSmtpPeer(ServerSocket server) {
        this.server = server;
    }

    static ScriptedSmtpPeer start() {
        try {
            var peer = new ScriptedSmtpPeer(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
            thread(peer::accept);
            return peer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int port() {
        return server.getLocalPort();
    }

    ScriptedSmtpPeer greeting(String reply) {
        greeting = reply;
        return this;
    }

    /** Accepts connections and never says a word. */
    ScriptedSmtpPeer silent() {
        silent = true;
        return this;
    }

    ScriptedSmtpPeer mailFrom(String reply) {
        mailReply = reply;
        return this;
    }

    ScriptedSmtpPeer rcptTo(String reply) {
        return rcptTo(command -> reply);
    }

    /** The reply to each {@code RCPT TO:<…>} command, by the command. */
    ScriptedSmtpPeer rcptTo(UnaryOperator<String> reply) {
        rcptReply = reply;
        return this;
    }

    ScriptedSmtpPeer endOfData(String reply) {
        dataReply = reply;
        return this;
    }

    /** The commands received, in order, e.g. {@code RCPT TO:<li.na@rapport.example>}. */
    List<String> commands() {
        return List.copyOf(commands);
    }

    @Override
    public void close() {
        try {
            server.close();
            for (Socket connection : connections) {
                connection.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket connection = server.accept();
                connections.add(connection);
                thread(() -> converse(connection));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void converse(Socket connection) {
        try (connection) {
            var in = new BufferedReader(new InputStreamReader(connection.getInputStream(), StandardCharsets.UTF_8));
            OutputStream out = connection.getOutputStream();
            if (silent) {
                while (in.read() >= 0) {
                    // read whatever comes, answer nothing, until the client gives up
                }
                return;
            }
            reply(out, greeting);
            String line;
            while ((line = in.readLine()) != null) {
                commands.add(line);
                String verb = line.split(" ", 2)[0].toUpperCase(Locale.ROOT);
                switch (verb) {
                    case "EHLO", "HELO", "RSET", "NOOP" -> reply(out, "250 scripted.example");
                    case "MAIL" -> reply(out, mailReply);
                    case "RCPT" -> reply(out, rcptReply.apply(line));
                    case "DATA" -> {
                        reply(out, "354 End data with <CR><LF>.<CR><LF>");
                        while ((line = in.readLine()) != null && !line.equals(".")) {
                            // the message itself is not under test here
                        }
                        reply(out, dataReply);
                    }
                    case "QUIT" -> {
                        reply(out, "221 2.0.0 Bye");
                        return;
                    }
                    default -> reply(out, "502 5.5.2 Command not recognized");
                }
            }
        } catch (IOException gone) {
            // the client hung up or the peer was closed
        }
    }

    private static void reply(OutputStream out, String reply) throws IOException {
        out.write((reply + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static void thread(Runnable task) {
        Thread.ofPlatform().daemon().name(THREAD_PREFIX + THREADS.incrementAndGet()).start(task);
    }
}
