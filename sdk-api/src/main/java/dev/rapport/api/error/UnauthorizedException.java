package dev.rapport.api.error;

/**
 * Credentials or a token were refused. The message never says which part was wrong, so that it cannot be
 * used to find out whether an employee id exists.
 */
public final class UnauthorizedException extends RapportException {
    private UnauthorizedException(String code, String message) {
        super(code, message);
    }

    public static UnauthorizedException badCredentials() {
        return new UnauthorizedException("auth.credentials.invalid", "Unknown employee id or wrong password");
    }

    public static UnauthorizedException badToken() {
        return new UnauthorizedException("auth.token.invalid", "The token is missing, unknown, expired or revoked");
    }
}
