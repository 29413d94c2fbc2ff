package dev.rapport.server.http;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;

import java.util.List;

/**
 * The JSON parser's limits, stated here rather than left to Jackson's defaults, so that a refusal (400) can name the
 * limit a body broke in words a client understands, instead of Jackson's names of Java methods.
 */
public final class JsonLimits {
    /** Arrays and objects inside each other, at most. */
    public static final int MAX_NESTING_DEPTH = 1000;
    /** Digits (and sign, point, exponent) of one number, at most. */
    public static final int MAX_NUMBER_LENGTH = 1000;
    /** Characters of one field name, at most. */
    public static final int MAX_NAME_LENGTH = 1000;

    private record Limit(String jacksonPrefix, String description) {
    }

    // Jackson's messages start with what was exceeded ("Document nesting depth (1001) exceeds the maximum ...").
    private static final List<Limit> LIMITS = List.of(
            new Limit("Document nesting depth", "nests arrays and objects deeper than " + MAX_NESTING_DEPTH
                    + " levels (nesting depth limit)"),
            new Limit("Number value length", "has a number longer than " + MAX_NUMBER_LENGTH
                    + " characters (number length limit)"),
            new Limit("Name length", "has a field name longer than " + MAX_NAME_LENGTH
                    + " characters (field name length limit)"),
            new Limit("String value length", "has a string longer than the string length limit"),
            new Limit("BigDecimal scale", "has a number whose exponent is too large (number scale limit)"));

    private JsonLimits() {
    }

    static StreamReadConstraints constraints() {
        return StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING_DEPTH)
                .maxNumberLength(MAX_NUMBER_LENGTH)
                .maxNameLength(MAX_NAME_LENGTH)
                .build();
    }

    /** What a client is told of the limit its body broke; never the body itself. */
    static String describe(StreamConstraintsException e) {
        String message = String.valueOf(e.getOriginalMessage());
        return "The JSON body " + LIMITS.stream().filter(limit -> message.startsWith(limit.jacksonPrefix()))
                .map(Limit::description).findFirst().orElse("exceeds a limit of the JSON parser");
    }
}
