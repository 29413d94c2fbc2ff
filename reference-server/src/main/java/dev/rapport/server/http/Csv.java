package dev.rapport.server.http;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** RFC 4180 CSV for report exports: a header row, then one row per record, CRLF line ends, UTF-8. */
public final class Csv {
    private Csv() {
    }

    /** Whether the client asked for CSV ({@code Accept: text/csv}) rather than JSON. */
    public static boolean wanted(ServerRequest req) {
        return req.headers().first(HeaderNames.ACCEPT).map(accept -> accept.toLowerCase().contains("text/csv"))
                .orElse(false);
    }

    /** Sends {@code rows} under {@code header} as an attachment named {@code filename}. */
    public static void send(ServerResponse res, String filename, List<String> header, List<List<String>> rows) {
        var text = new StringBuilder(line(header));
        rows.forEach(row -> text.append(line(row)));
        res.status(200)
                .header(HeaderNames.CONTENT_TYPE, "text/csv; charset=utf-8")
                .header(HeaderNames.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + "\"")
                .send(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** A number as spreadsheets read it: plain digits, at most six decimals; empty when there is none. */
    public static String number(Optional<Double> value) {
        return value.map(v -> BigDecimal.valueOf(v).setScale(6, RoundingMode.HALF_UP).stripTrailingZeros()
                .toPlainString()).orElse("");
    }

    private static String line(List<String> cells) {
        return cells.stream().map(Csv::cell).collect(Collectors.joining(",")) + "\r\n";
    }

    private static String cell(String value) {
        // Quoted when needed, and a leading formula character neutralised so a spreadsheet never evaluates it.
        String safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 && !value.matches("-?[0-9.]+")
                ? "'" + value : value;
        return safe.matches(".*[\",\r\n].*") ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }
}
