package dev.rapport.survey.link;

import dev.rapport.api.spi.survey.SurveyInvitation;
import dev.rapport.api.spi.survey.SurveyProvider;
import dev.rapport.api.spi.survey.SurveyRequest;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Optional;

/**
 * A survey's token is the HMAC-SHA256 of its id under the secret, base64url without padding (43 characters, 256
 * bits): unguessable without the secret, and the same for the same survey on every call and every node, so a retried
 * invitation is the same invitation. Nothing is kept; the SDK stores the token and refuses a second answer and one
 * after expiry.
 */
final class LinkSurveyProvider implements SurveyProvider {
    private static final String ALGORITHM = "HmacSHA256";
    /** Separates these tokens from any other use of the same secret. */
    private static final String CONTEXT = "rapport-survey-link:";

    private final String base;
    private final SecretKeySpec key;

    LinkSurveyProvider(URI base, String secret) {
        String text = base.toString();
        this.base = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    @Override
    public SurveyInvitation invite(SurveyRequest request) {
        String token = token(request.surveyId());
        return new SurveyInvitation(token, Optional.of(URI.create(base + "/survey/" + token)));
    }

    /** A Mac per call: a Mac is not thread-safe, and calls may overlap when one was abandoned at its time box. */
    String token(String surveyId) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            byte[] digest = mac.doFinal((CONTEXT + surveyId).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    @Override
    public void close() {
        // Holds nothing to release.
    }

    @Override
    public String toString() {
        return "LinkSurveyProvider[base-url=" + base + "]";
    }
}
