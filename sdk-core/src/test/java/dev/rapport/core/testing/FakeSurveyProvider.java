package dev.rapport.core.testing;

import dev.rapport.api.spi.survey.SurveyInvitation;
import dev.rapport.api.spi.survey.SurveyProvider;
import dev.rapport.api.spi.survey.SurveyRequest;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A survey provider that records every request and answers as the test says: by default a link under
 * {@value #BASE} whose token is derived from the survey id, the same on every call.
 */
public final class FakeSurveyProvider implements SurveyProvider {
    public static final String BASE = "https://surveys.example/survey/";

    private final List<SurveyRequest> requests = new CopyOnWriteArrayList<>();
    private volatile Function<SurveyRequest, SurveyInvitation> answer;
    private volatile boolean closed;

    private FakeSurveyProvider(Function<SurveyRequest, SurveyInvitation> answer) {
        this.answer = answer;
    }

    /** Issues a link for every request. */
    public static FakeSurveyProvider issuing() {
        return new FakeSurveyProvider(FakeSurveyProvider::link);
    }

    /** Answers each request with {@code answer}, which may also throw or block. */
    public static FakeSurveyProvider answering(Function<SurveyRequest, SurveyInvitation> answer) {
        return new FakeSurveyProvider(answer);
    }

    /** From now on issues links. */
    public void heal() {
        this.answer = FakeSurveyProvider::link;
    }

    /** The invitation this provider issues for {@code request} when it works. */
    public static SurveyInvitation link(SurveyRequest request) {
        String token = token(request.surveyId());
        return new SurveyInvitation(token, Optional.of(URI.create(BASE + token)));
    }

    @Override
    public SurveyInvitation invite(SurveyRequest request) {
        requests.add(request);
        return answer.apply(request);
    }

    /** Every request so far, repeats included. */
    public List<SurveyRequest> requests() {
        return List.copyOf(requests);
    }

    public boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        closed = true;
    }

    private static String token(String surveyId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(surveyId.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
