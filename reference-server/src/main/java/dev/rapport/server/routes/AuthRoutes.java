package dev.rapport.server.routes;

import dev.rapport.api.security.Authentication;
import dev.rapport.api.security.DepartmentId;
import dev.rapport.api.security.Role;
import dev.rapport.api.security.UserId;
import dev.rapport.server.http.Exchange;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/** {@code /api/v1/auth}: log in with employee id and password, log out. */
public final class AuthRoutes implements HttpService {
    private final Authentication authentication;
    private final Exchange http;

    public AuthRoutes(Authentication authentication, Exchange http) {
        this.authentication = authentication;
        this.http = http;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/login", this::login)
                .post("/logout", this::logout);
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
        var user = login.user();
        http.ok(res, new LoginJson(login.token(), login.expiresAt(), new LoginJson.UserJson(user.id(),
                user.employeeId(), user.name(), user.roles(), user.departmentId())));
    }

    private void logout(ServerRequest req, ServerResponse res) {
        http.actor(req);
        http.bearer(req).ifPresent(authentication::logout);
        res.status(204).send();
    }

    /** API.md's login answer, fields in its order. */
    private record LoginJson(String token, Instant expiresAt, UserJson user) {
        private record UserJson(UserId id, String employeeId, String name, Set<Role> roles,
                                Optional<DepartmentId> departmentId) {
        }
    }
}
