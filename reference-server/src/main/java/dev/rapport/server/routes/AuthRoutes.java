package dev.rapport.server.routes;

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
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code /api/v1/auth}: log in with employee id and password, log out, and {@code GET /session}: who the token stands
 * for, with their language and permissions, and the server's time (the demo clock, when it runs), which a console
 * needs to count SLA deadlines down.
 */
public final class AuthRoutes implements HttpService {
    private final Authentication authentication;
    private final Users users;
    private final Clock clock;
    private final Exchange http;

    public AuthRoutes(Authentication authentication, Users users, Clock clock, Exchange http) {
        this.authentication = authentication;
        this.users = users;
        this.clock = clock;
        this.http = http;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/login", this::login)
                .post("/logout", this::logout)
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
        http.ok(res, new LoginJson(login.token(), login.expiresAt(), UserJson.of(login.user())));
    }

    private void session(ServerRequest req, ServerResponse res) {
        var actor = http.actor(req);
        http.ok(res, new SessionJson(UserJson.of(users.me(actor)), clock.instant()));
    }

    private void logout(ServerRequest req, ServerResponse res) {
        http.actor(req);
        http.bearer(req).ifPresent(authentication::logout);
        res.status(204).send();
    }

    /** API.md's login answer, fields in its order. */
    private record LoginJson(String token, Instant expiresAt, UserJson user) {
    }

    private record SessionJson(UserJson user, Instant now) {
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
