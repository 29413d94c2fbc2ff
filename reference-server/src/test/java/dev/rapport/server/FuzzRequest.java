package dev.rapport.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One request the fuzz test sends, exactly as written: the path and query already percent-encoded (or deliberately
 * not), the body as bytes. Its JSON form is a line of the regression corpus, where {@code {ticket}}, {@code {customer}}
 * and the other placeholders in the path stand for ids of the demo data.
 *
 * @param role        the demo user whose token goes along, or {@code none}
 * @param route       the route template it was made for (information only)
 * @param target      the request target: path and query as sent
 * @param contentType the Content-Type header, or null for none
 * @param body        the body, or null for none
 */
record FuzzRequest(String role, String method, String route, String target, String contentType, String body) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The answer, read from a connection the server closes after it. */
    record Answer(int status, String contentType, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                return null;
            }
        }
    }

    Answer send(int port, String token) {
        byte[] content = body == null ? null : body.getBytes(StandardCharsets.UTF_8);
        var head = new StringBuilder(method + " " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n");
        if (token != null) {
            head.append("Authorization: Bearer ").append(token).append("\r\n");
        }
        if (contentType != null) {
            head.append("Content-Type: ").append(contentType).append("\r\n");
        }
        if (content != null) {
            head.append("Content-Length: ").append(content.length).append("\r\n");
        }
        head.append("\r\n");
        try (var socket = new Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            var out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.UTF_8));
            if (content != null) {
                out.write(content);
            }
            out.flush();
            return read(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException("no answer to " + this, e);
        }
    }

    private static Answer read(InputStream in) throws IOException {
        String status = line(in);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            int colon = header.indexOf(':');
            headers.put(header.substring(0, colon).strip().toLowerCase(Locale.ROOT), header.substring(colon + 1).strip());
        }
        byte[] body;
        if (headers.containsKey("content-length")) {
            body = in.readNBytes(Integer.parseInt(headers.get("content-length")));
        } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            var chunks = new ByteArrayOutputStream();
            for (int size = Integer.parseInt(line(in).split(";")[0].strip(), 16); size > 0;
                 size = Integer.parseInt(line(in).split(";")[0].strip(), 16)) {
                chunks.write(in.readNBytes(size));
                line(in);
            }
            body = chunks.toByteArray();
        } else {
            body = new byte[0];
        }
        return new Answer(Integer.parseInt(status.split(" ")[1]), headers.get("content-type"),
                new String(body, StandardCharsets.UTF_8));
    }

    private static String line(InputStream in) throws IOException {
        var line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("the connection closed mid-answer after " + line);
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    /** The corpus line: one JSON object. */
    String toCorpusLine() {
        ObjectNode line = JSON.createObjectNode();
        line.put("role", role).put("method", method).put("route", route).put("target", target)
                .put("contentType", contentType).put("body", body);
        return line.toString();
    }

    static FuzzRequest fromCorpusLine(String line) {
        try {
            JsonNode node = JSON.readTree(line);
            return new FuzzRequest(node.get("role").asText(), node.get("method").asText(), node.path("route").asText(),
                    node.get("target").asText(), node.path("contentType").isNull() ? null : node.path("contentType").asText(null),
                    node.path("body").isNull() ? null : node.path("body").asText(null));
        } catch (IOException e) {
            throw new UncheckedIOException("not a corpus line: " + line, e);
        }
    }

    /** The same request with the corpus placeholders in its target replaced. */
    FuzzRequest withIds(Map<String, String> ids) {
        String replaced = target;
        for (var id : ids.entrySet()) {
            replaced = replaced.replace("{" + id.getKey() + "}", id.getValue());
        }
        return new FuzzRequest(role, method, route, replaced, contentType, body);
    }

    @Override
    public String toString() {
        return toCorpusLine();
    }
}
