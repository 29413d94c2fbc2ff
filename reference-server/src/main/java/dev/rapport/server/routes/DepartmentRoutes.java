package dev.rapport.server.routes;

import dev.rapport.api.Page;
import dev.rapport.api.security.AssignmentMode;
import dev.rapport.api.security.DepartmentId;
import dev.rapport.api.security.Departments;
import dev.rapport.api.security.NewDepartment;
import dev.rapport.server.http.Exchange;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/** {@code /api/v1/departments}: list and create. */
public final class DepartmentRoutes implements HttpService {
    private final Departments departments;
    private final Exchange http;

    public DepartmentRoutes(Departments departments, Exchange http) {
        this.departments = departments;
        this.http = http;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", (req, res) -> http.page(res, Page.last(departments.list(http.actor(req)))))
                .post("/", this::create)
                .patch("/{id}", this::change);
    }

    private void create(ServerRequest req, ServerResponse res) {
        var actor = http.actor(req);
        var body = http.body(req);
        var department = new NewDepartment(body.optionalText("id").filter(s -> !s.isBlank()).map(DepartmentId::of),
                body.text("name"), body.optionalEnum("assignmentMode", AssignmentMode.class));
        body.requireValid();
        http.created(res, departments.create(actor, department));
    }

    /** {@code PATCH /api/v1/departments/{id}} {@code {assignmentMode}}: MANUAL, ROUND_ROBIN or LEAST_LOADED. */
    private void change(ServerRequest req, ServerResponse res) {
        var actor = http.actor(req);
        var body = http.body(req);
        var mode = body.required("assignmentMode", body.enumValue("assignmentMode", AssignmentMode.class));
        body.requireValid();
        http.ok(res, departments.changeAssignmentMode(actor, DepartmentId.of(http.param(req, "id")), mode));
    }
}
