package dev.rapport.server.routes;

import dev.rapport.api.Page;
import dev.rapport.api.security.NewRole;
import dev.rapport.api.security.Permission;
import dev.rapport.api.security.Role;
import dev.rapport.api.security.RoleDefinition;
import dev.rapport.api.security.RoleUpdate;
import dev.rapport.api.security.Roles;
import dev.rapport.api.error.NotFoundException;
import dev.rapport.server.http.Exchange;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.util.List;

/**
 * {@code /api/v1/roles}: list, create ({@code {name, permissions[]}}) and change ({@code PUT /{name}}
 * {@code {permissions[], version}}) the roles admins define; {@link #permissions} serves {@code /api/v1/permissions}.
 */
public final class RoleRoutes implements HttpService {
    private final Roles roles;
    private final Exchange http;

    public RoleRoutes(Roles roles, Exchange http) {
        this.roles = roles;
        this.http = http;
    }

    /** A role as clients see it: permissions by key, sorted. */
    record RoleJson(String name, List<String> permissions, boolean builtIn, long version) {
        static RoleJson of(RoleDefinition role) {
            return new RoleJson(role.name(), role.permissions().stream().map(Permission::key).sorted().toList(),
                    role.builtIn(), role.version());
        }
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", this::list)
                .post("/", this::create)
                .put("/{name}", this::update);
    }

    /** {@code GET /api/v1/permissions}: every permission with its description, {@code {items:[{key, description}]}}. */
    public HttpService permissions() {
        return rules -> rules.get("/", (req, res) -> http.page(res, Page.last(roles.permissions(http.actor(req)))));
    }

    private void list(ServerRequest req, ServerResponse res) {
        http.page(res, Page.last(roles.list(http.actor(req)).stream().map(RoleJson::of).toList()));
    }

    private void create(ServerRequest req, ServerResponse res) {
        var actor = http.actor(req);
        var body = http.body(req);
        var role = new NewRole(body.text("name"), body.texts("permissions"));
        body.requireValid();
        http.created(res, RoleJson.of(roles.create(actor, role)));
    }

    private void update(ServerRequest req, ServerResponse res) {
        var actor = http.actor(req);
        String name = http.param(req, "name");
        if (!Role.isValidName(name)) {
            // No role can have such a name, so there is none to change.
            throw NotFoundException.of("role", name);
        }
        var body = http.body(req);
        var update = new RoleUpdate(body.texts("permissions"), body.version());
        body.requireValid();
        http.ok(res, RoleJson.of(roles.update(actor, Role.of(name), update)));
    }
}
