package dev.rapport.api.spi.survey;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * How the customer reaches the survey.
 *
 * @param token unguessable and single-use: the answer names it, and the SDK accepts one answer per token
 * @param link  where the customer answers, when the provider hosts a form
 */
public record SurveyInvitation(String token, Optional<URI> link) {
    public SurveyInvitation {
        Objects.requireNonNull(token, "token");
        if (token.length() < 22) {
            throw new IllegalArgumentException("a survey token has at least 128 bits, 22 URL-safe characters");
        }
        Objects.requireNonNull(link, "link");
    }
}
