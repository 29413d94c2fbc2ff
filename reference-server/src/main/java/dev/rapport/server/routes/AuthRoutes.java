package dev.rapport.server.routes;

import dev.rapport.api.error.UnauthorizedException;
import dev.rapport.api.security.Authentication;
import dev.rapport.api.security.DepartmentId;
import dev.rapport.api.security.Permission;
import dev.rapport.api.security.Role;
import dev.rapport.api.security.User;
import dev.rapport.api.security.UserId;
import dev.rapport.api.security.Users;
import dev.rapport.server.http.Exchange;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code /api/v1/auth}: log in with employee id and password, log out, change one's own password
 * ({@code POST /password}), and {@code GET /session}: who the token stands for, with their language and permissions,
 * the server's time (the demo clock, when it runs), which a console needs to count SLA deadlines down, and the SDK's
 * business zone, in which a console shows times and counts days (the login answer names it too). Logging out
 * and changing the password work while a one-time password waits to be changed; everything else answers 403
 * {@code password.change-required} then.
 */
public final class AuthRoutes implements HttpService {
    private final Authentication authentication;
    private final Users users;
    private final Clock clock;
    private final ZoneId zone;
    private final Exchange http;

    /** @param zone the SDK's business zone, which the answers name for a console to show times in */
    public AuthRoutes(Authentication authentication, Users users, Clock clock, ZoneId zone, Exchange http) {
        this.authentication = authentication;
        this.users = users;
        this.clock = clock;
        this.zone = zone;
        this.http = http;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/login", this::login)
                .post("/logout", this::logout)
                .post("/password", this::changePassword)
                .get("/session", this::session);
    }

    private void login(ServerRequest req, ServerResponse res) {
        var body = http.body(req);
        String employeeId = body.text("employeeId");
        String password = body.text("password");
        if (employeeId == null || employeeId.isBlank()) {
            body.error("employeeId", "is required");
        }
        if (password == null || password.isEmpty()) {
            body.error("password", "is required");
        }
        body.requireValid();
        var login = authentication.login(employeeId, password, req.remotePeer().host());
        http.ok(res, new LoginJson(login.token(), login.expiresAt(), UserJson.of(login.user()),
                login.passwordChangeRequired(), zone.getId()));
    }

    private void session(ServerRequest req, ServerResponse res) {
        var actor = http.actor(req);
        http.ok(res, new SessionJson(UserJson.of(users.me(actor)), clock.instant(), zone.getId()));
    }

    /** Needs a token, but no more: a user who must change a one-time password may still log out. */
    private void logout(ServerRequest req, ServerResponse res) {
        authentication.logout(http.bearer(req).orElseThrow(UnauthorizedException::badToken));
        res.status(204).send();
    }

    /** {@code {currentPassword, newPassword}} → 204; every other session of the user is revoked. */
    private void changePassword(ServerRequest req, ServerResponse res) {
        String token = http.bearer(req).orElseThrow(UnauthorizedException::badToken);
        var body = http.body(req);
        String current = body.text("currentPassword");
        String chosen = body.text("newPassword");
        if (current == null || current.isEmpty()) {
            body.error("currentPassword", "is required");
        }
        if (chosen == null || chosen.isEmpty()) {
            body.error("newPassword", "is required");
        }
        body.requireValid();
        authentication.changePassword(token, current, chosen, req.remotePeer().host());
        res.status(204).send();
    }

    /**
     * API.md's login answer, fields in its order, then whether a one-time password must be changed first and the
     * business zone (an IANA id such as Asia/Shanghai).
     */
    private record LoginJson(String token, Instant expiresAt, UserJson user, boolean passwordChangeRequired,
                             String zone) {
    }

    private record SessionJson(UserJson user, Instant now, String zone) {
    }

    /** API.md's user of the login answer, then the language the user reads in and what they may do. */
    private record UserJson(UserId id, String employeeId, String name, Set<Role> roles,
                            Optional<DepartmentId> departmentId, String locale, List<String> permissions) {
        static UserJson of(User user) {
            return new UserJson(user.id(), user.employeeId(), user.name(), user.roles(), user.departmentId(),
                    user.locale().toLanguageTag(), user.permissions().stream().map(Permission::key).sorted().toList());
        }
    }
}
