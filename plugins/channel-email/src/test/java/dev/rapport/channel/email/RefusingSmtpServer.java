package dev.rapport.channel.email;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A real SMTP server on a loopback port that refuses every recipient with the reply it is given, which GreenMail never
 * does (e.g. {@code 550 5.1.1 No such user}). Serves one connection at a time on a daemon thread.
 */
final class RefusingSmtpServer implements AutoCloseable {
    private final ServerSocket server;
    private final String rcptReply;

    private RefusingSmtpServer(ServerSocket server, String rcptReply) {
        this.server = server;
        this.rcptReply = rcptReply;
    }

    static RefusingSmtpServer answeringRecipients(String rcptReply) {
        try {
            var peer = new RefusingSmtpServer(new ServerSocket(0, 5, InetAddress.getLoopbackAddress()), rcptReply);
            Thread.ofPlatform().daemon().name("smtp-refusing").start(peer::serve);
            return peer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int port() {
        return server.getLocalPort();
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void serve() {
        while (!server.isClosed()) {
            try (Socket connection = server.accept()) {
                converse(connection);
            } catch (IOException closedOrGone) {
                // closed by the test, or the client hung up: take the next one, if any
            }
        }
    }

    private void converse(Socket connection) throws IOException {
        var in = new BufferedReader(new InputStreamReader(connection.getInputStream(), StandardCharsets.US_ASCII));
        OutputStream out = connection.getOutputStream();
        reply(out, "220 refusing.example ESMTP");
        for (String line; (line = in.readLine()) != null; ) {
            switch (line.split(" ", 2)[0].toUpperCase(Locale.ROOT)) {
                case "EHLO", "HELO", "MAIL", "RSET", "NOOP" -> reply(out, "250 OK");
                case "RCPT" -> reply(out, rcptReply);
                case "QUIT" -> {
                    reply(out, "221 Bye");
                    return;
                }
                default -> reply(out, "502 5.5.2 Command not recognized");
            }
        }
    }

    private static void reply(OutputStream out, String reply) throws IOException {
        out.write((reply + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }
}
