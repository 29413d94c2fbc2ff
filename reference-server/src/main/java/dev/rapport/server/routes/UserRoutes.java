package dev.rapport.server.routes;

import dev.rapport.api.security.DepartmentId;
import dev.rapport.api.security.NewUser;
import dev.rapport.api.security.Actor;
import dev.rapport.api.security.Role;
import dev.rapport.api.security.RoleDefinition;
import dev.rapport.api.security.Roles;
import dev.rapport.api.security.Tier;
import dev.rapport.api.security.UserId;
import dev.rapport.api.security.UserUpdate;
import dev.rapport.server.http.JsonBody;
import dev.rapport.api.security.Users;
import dev.rapport.server.http.Exchange;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * {@code /api/v1/users}: list, look up and create employees (with an optional {@code email} and {@code locale}), and
 * change them ({@code PATCH /{id}}), and give one a one-time password ({@code POST /{id}/password}).
 */
public final class UserRoutes implements HttpService {
    private final Users users;
    private final Roles roles;
    private final Exchange http;

    public UserRoutes(Users users, Roles roles, Exchange http) {
        this.users = users;
        this.roles = roles;
        this.http = http;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", this::list)
                .post("/", this::create)
                .put("/me/locale", this::changeLocale)
                .get("/{id}", this::get)
                .patch("/{id}", this::update)
                .post("/{id}/password", this::setTemporaryPassword);
    }

    /** The caller's own language, {@code {locale}}: {@code zh-CN} or {@code en}. */
    private void changeLocale(ServerRequest req, ServerResponse res) {
        var actor = http.actor(req);
        var body = http.body(req);
        var tag = body.optionalText("locale").map(String::strip).filter(s -> !s.isEmpty());
        if (tag.isEmpty()) {
            body.error("locale", "is required");
        }
        body.requireValid();
        http.ok(res, users.changeLocale(actor, Locale.forLanguageTag(tag.get())));
    }

    private void list(ServerRequest req, ServerResponse res) {
        var actor = http.actor(req);
        http.page(res, users.list(actor, http.page(req)));
    }

    private void get(ServerRequest req, ServerResponse res) {
        http.ok(res, users.get(http.actor(req), UserId.of(http.param(req, "id"))));
    }

    private void create(ServerRequest req, ServerResponse res) {
        var actor = http.actor(req);
        var body = http.body(req);
        var roles = roles(actor, body).orElse(Set.of());
        var user = new NewUser(body.text("employeeId"), body.text("name"),
                body.optionalText("departmentId").filter(s -> !s.isBlank()).map(DepartmentId::of).orElse(null),
                roles, body.enumValue("tier", Tier.class), body.text("password"), body.optionalText("email").orElse(null),
                body.optionalText("locale").filter(s -> !s.isBlank()).map(Locale::forLanguageTag).orElse(null));
        body.requireValid();
        http.created(res, users.create(actor, user));
    }

    /**
     * {@code PATCH /{id}} {@code {name?, departmentId?, roles?, tier?, active?, email?, version}}: absent fields stay;
     * a blank or null {@code email} removes the address.
     */
    private void update(ServerRequest req, ServerResponse res) {
        var actor = http.actor(req);
        var body = http.body(req);
        var update = new UserUpdate(body.version(), body.optionalText("name"),
                body.optionalText("departmentId").filter(s -> !s.isBlank()).map(DepartmentId::of), roles(actor, body),
                body.optionalEnum("tier", Tier.class), body.optionalBool("active"),
                body.has("email") ? Optional.of(body.optionalText("email").orElse("")) : Optional.empty());
        body.requireValid();
        http.ok(res, users.update(actor, UserId.of(http.param(req, "id")), update));
    }

    /**
     * {@code POST /{id}/password} {@code {temporaryPassword}} → 204: the user's sessions are revoked, and at the next
     * sign-in the password must be changed before anything else.
     */
    private void setTemporaryPassword(ServerRequest req, ServerResponse res) {
        var actor = http.actor(req);
        var body = http.body(req);
        String password = body.text("temporaryPassword");
        if (password == null || password.isEmpty()) {
            body.error("temporaryPassword", "is required");
        }
        body.requireValid();
        users.setTemporaryPassword(actor, UserId.of(http.param(req, "id")), password);
        res.status(204).send();
    }

    /** The roles named in {@code roles}, each of which must exist; empty when the field is absent. */
    private Optional<Set<Role>> roles(Actor actor, JsonBody body) {
        var names = body.texts("roles");
        if (names == null) {
            return Optional.empty();
        }
        // The service checks too, but only here is the position of an unknown name still known.
        var known = this.roles.list(actor).stream().map(RoleDefinition::name).toList();
        var named = new LinkedHashSet<Role>();
        for (int i = 0; i < names.size(); i++) {
            if (known.contains(names.get(i))) {
                named.add(Role.of(names.get(i)));
            } else {
                body.error("roles[" + i + "]", "must be one of " + known + " (GET /api/v1/roles)");
            }
        }
        return Optional.of(named);
    }
}
