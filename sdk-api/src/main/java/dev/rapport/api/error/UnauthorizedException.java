package dev.rapport.api.error;

/**
 * Credentials or a token were refused. The message never says which part was wrong, so that it cannot be
 * used to find out whether an employee id exists.
 */
public final class UnauthorizedException extends RapportException {
    private UnauthorizedException(String code, String message) {
        super(code, message);
    }

    /** The employee id is unknown, the password wrong or the user inactive; which one is not said. */
    public static UnauthorizedException badCredentials() {
        return new UnauthorizedException("auth.credentials.invalid", "Unknown employee id or wrong password");
    }

    /** The bearer token is missing, unknown, expired or revoked. */
    public static UnauthorizedException badToken() {
        return new UnauthorizedException("auth.token.invalid", "The token is missing, unknown, expired or revoked");
    }

    /** A request pushed to a channel could not be authenticated (a bad signature, a stale timestamp). */
    public static UnauthorizedException channelRequest() {
        return new UnauthorizedException("channel.unauthenticated",
                "The request's signature or timestamp was not accepted");
    }
}
