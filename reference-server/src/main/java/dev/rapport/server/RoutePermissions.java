package dev.rapport.server;

import dev.rapport.api.error.ForbiddenException;
import dev.rapport.api.security.Actor;
import dev.rapport.api.security.Permission;
import dev.rapport.server.http.Exchange;
import io.helidon.webserver.http.HttpRouting;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import static dev.rapport.api.security.Permission.*;

/**
 * Who may call each route at all, checked before the route reads a parameter or a body: a caller without the
 * permission is told 403, never 422 about input they had no right to send. The SDK still decides everything finer
 * (which ticket, which department); this is its coarsest check, made first. Every route of the catalog has a rule,
 * or the server does not start.
 */
public final class RoutePermissions {
    /** A route anyone may call, without signing in (it checks its own credential, if any). */
    private static final Set<Permission> PUBLIC = null;
    /**
     * A route that checks its bearer token itself, without asking for a full session: logging out and changing the
     * own password stay open to a user who must first replace a one-time password.
     */
    private static final Set<Permission> OWN_TOKEN = null;
    /** A route every signed-in user may call. */
    private static final Set<Permission> SIGNED_IN = Set.of();

    private static final Set<Permission> TICKET_READERS = EnumSet.of(TICKET_READ, TICKET_READ_ALL);
    /** Routes that show the front line the customer-visible part of the tickets of its customers, too. */
    private static final Set<Permission> TICKET_STATUS_READERS = EnumSet.of(TICKET_READ, TICKET_READ_ALL,
            TICKET_READ_FRONT_LINE);
    private static final Set<Permission> FOLLOW_UP_WORKERS = EnumSet.of(FOLLOW_UP_WORK, FOLLOW_UP_WORK_DEPARTMENT,
            FOLLOW_UP_WORK_ALL);

    private final RouteCatalog catalog;
    private final Map<String, Set<Permission>> rules;

    private RoutePermissions(RouteCatalog catalog, Map<String, Set<Permission>> rules) {
        this.catalog = catalog;
        this.rules = rules;
    }

    /** @throws IllegalStateException naming the routes of {@code catalog} without a rule */
    public static RoutePermissions of(RouteCatalog catalog) {
        var rules = rules();
        var missing = new TreeSet<String>();
        catalog.routes().forEach(route -> {
            if (!rules.containsKey(route.toString())) {
                missing.add(route.toString());
            }
        });
        if (!missing.isEmpty()) {
            throw new IllegalStateException("Routes without a permission rule: " + missing);
        }
        return new RoutePermissions(catalog, rules);
    }

    /**
     * The permissions of which a caller of {@code method path} needs one: empty for any signed-in user; absent for a
     * public route, or a path no route serves.
     */
    public Optional<Set<Permission>> of(String method, String path) {
        return catalog.routeOf(method, path).map(route -> rules.get(route.toString()));
    }

    /** Registers the check as a filter: 401 without a valid session, then 403 without the permission. */
    public void register(HttpRouting.Builder routing, Exchange http) {
        routing.addFilter((chain, req, res) -> {
            of(req.prologue().method().text(), req.path().absolute().path()).ifPresent(anyOf -> {
                Actor actor = http.actor(req);
                if (!anyOf.isEmpty() && anyOf.stream().noneMatch(actor::has)) {
                    throw ForbiddenException.missing(anyOf.iterator().next().key());
                }
            });
            chain.proceed();
        });
    }

    private static Map<String, Set<Permission>> rules() {
        var rules = new LinkedHashMap<String, Set<Permission>>();
        rule(rules, "GET /health", PUBLIC);
        // Checks its own token when one is configured (--metrics-token).
        rule(rules, "GET /metrics", PUBLIC);
        rule(rules, "GET /health/live", PUBLIC);
        rule(rules, "GET /health/ready", PUBLIC);
        rule(rules, "POST /api/v1/auth/login", PUBLIC);
        rule(rules, "POST /api/v1/auth/logout", OWN_TOKEN);
        rule(rules, "GET /api/v1/auth/session", SIGNED_IN);
        rule(rules, "POST /api/v1/auth/password", OWN_TOKEN);
        rule(rules, "POST /api/v1/public/webform", PUBLIC);
        rule(rules, "POST /api/v1/public/channels/{name}", PUBLIC);
        rule(rules, "POST /api/v1/public/surveys/{token}", PUBLIC);
        rule(rules, "GET /survey/{token}", PUBLIC);
        // The token in the link is the credential: customers have no sign-in.
        rule(rules, "GET /api/v1/public/status/{token}", PUBLIC);
        rule(rules, "POST /api/v1/public/status/{token}/confirmation", PUBLIC);
        rule(rules, "GET /status/{token}", PUBLIC);
        rule(rules, "GET /contact", PUBLIC);
        rule(rules, "GET /openapi", PUBLIC);
        rule(rules, "GET /api-docs", PUBLIC);

        rule(rules, "POST /api/v1/customers", EnumSet.of(CUSTOMER_WRITE));
        rule(rules, "GET /api/v1/customers", EnumSet.of(CUSTOMER_READ));
        rule(rules, "GET /api/v1/customers/{id}", EnumSet.of(CUSTOMER_READ));
        rule(rules, "PATCH /api/v1/customers/{id}", EnumSet.of(CUSTOMER_WRITE));
        rule(rules, "GET /api/v1/customers/{id}/history", EnumSet.of(CUSTOMER_READ));
        rule(rules, "GET /api/v1/customers/{id}/matches", EnumSet.of(CUSTOMER_READ));
        rule(rules, "POST /api/v1/customers/{id}/merge", EnumSet.of(CUSTOMER_MERGE));
        rule(rules, "POST /api/v1/customers/{id}/interactions", EnumSet.of(CUSTOMER_WRITE));
        rule(rules, "GET /api/v1/customers/{id}/interactions", EnumSet.of(CUSTOMER_READ));
        rule(rules, "POST /api/v1/customers/{id}/purchases", EnumSet.of(CUSTOMER_WRITE));
        rule(rules, "GET /api/v1/customers/{id}/purchases", EnumSet.of(CUSTOMER_READ));
        rule(rules, "GET /api/v1/customers/{id}/timeline", EnumSet.of(CUSTOMER_READ));

        rule(rules, "POST /api/v1/tickets", EnumSet.of(TICKET_CREATE));
        rule(rules, "GET /api/v1/tickets", TICKET_STATUS_READERS);
        rule(rules, "GET /api/v1/tickets/{id}", TICKET_STATUS_READERS);
        for (String work : new String[] {"assign", "escalate", "progress", "exceptions", "collaborations", "resolve",
                "confirmation", "close", "attachments"}) {
            rule(rules, "POST /api/v1/tickets/{id}/" + work, TICKET_READERS);
        }
        rule(rules, "POST /api/v1/tickets/{id}/accept", EnumSet.of(TICKET_ACCEPT));
        rule(rules, "PUT /api/v1/tickets/{id}/tags", TICKET_READERS);
        rule(rules, "GET /api/v1/tickets/{id}/history", TICKET_READERS);
        rule(rules, "GET /api/v1/tickets/{id}/attachments", TICKET_READERS);
        rule(rules, "GET /api/v1/tickets/{id}/attachments/{attachmentId}", TICKET_READERS);
        rule(rules, "GET /api/v1/tickets/{id}/messages", TICKET_READERS);
        rule(rules, "GET /api/v1/surveys", TICKET_READERS);
        rule(rules, "POST /api/v1/surveys/{id}/resend", TICKET_READERS);

        rule(rules, "GET /api/v1/users", EnumSet.of(USER_READ));
        rule(rules, "POST /api/v1/users", EnumSet.of(USER_ADMIN));
        rule(rules, "PUT /api/v1/users/me/locale", SIGNED_IN);
        // The caller's own notices: the SDK reads and marks no one else's.
        rule(rules, "GET /api/v1/me/notifications", SIGNED_IN);
        rule(rules, "POST /api/v1/me/notifications/read-all", SIGNED_IN);
        rule(rules, "POST /api/v1/me/notifications/{id}/read", SIGNED_IN);
        rule(rules, "GET /api/v1/users/{id}", EnumSet.of(USER_READ));
        rule(rules, "PATCH /api/v1/users/{id}", EnumSet.of(USER_ADMIN));
        rule(rules, "POST /api/v1/users/{id}/password", EnumSet.of(USER_ADMIN));
        rule(rules, "GET /api/v1/roles", EnumSet.of(USER_READ));
        rule(rules, "POST /api/v1/roles", EnumSet.of(USER_ADMIN));
        rule(rules, "PUT /api/v1/roles/{name}", EnumSet.of(USER_ADMIN));
        rule(rules, "GET /api/v1/permissions", EnumSet.of(USER_READ));
        rule(rules, "GET /api/v1/departments", SIGNED_IN);
        rule(rules, "POST /api/v1/departments", EnumSet.of(DEPARTMENT_ADMIN));
        rule(rules, "PATCH /api/v1/departments/{id}", EnumSet.of(DEPARTMENT_ADMIN));
        rule(rules, "GET /api/v1/catalog/ticket-types", SIGNED_IN);
        rule(rules, "PUT /api/v1/catalog/ticket-types", EnumSet.of(CATALOG_ADMIN));
        rule(rules, "GET /api/v1/catalog/industries", EnumSet.of(CUSTOMER_READ));
        rule(rules, "GET /api/v1/sla/policies", EnumSet.of(TICKET_READ));
        rule(rules, "PUT /api/v1/sla/policies", EnumSet.of(SLA_ADMIN));
        rule(rules, "GET /api/v1/sla/calendars", EnumSet.of(TICKET_READ));
        rule(rules, "PUT /api/v1/sla/calendars", EnumSet.of(SLA_ADMIN));

        rule(rules, "GET /api/v1/follow-ups", FOLLOW_UP_WORKERS);
        rule(rules, "GET /api/v1/follow-ups/unplanned", EnumSet.of(FOLLOW_UP_WORK_ALL, USER_ADMIN));
        rule(rules, "GET /api/v1/follow-ups/{id}", FOLLOW_UP_WORKERS);
        rule(rules, "POST /api/v1/follow-ups/{id}/complete", FOLLOW_UP_WORKERS);
        rule(rules, "POST /api/v1/follow-ups/{id}/skip", FOLLOW_UP_WORKERS);
        rule(rules, "GET /api/v1/admin/dead-letters", EnumSet.of(EVENTS_ADMIN));
        rule(rules, "POST /api/v1/admin/dead-letters/retry", EnumSet.of(EVENTS_ADMIN));
        rule(rules, "POST /api/v1/admin/dead-letters/{id}/retry", EnumSet.of(EVENTS_ADMIN));
        rule(rules, "GET /api/v1/admin/channels/set-aside", EnumSet.of(EVENTS_ADMIN));

        rule(rules, "GET /api/v1/improvements/suggestions", EnumSet.of(IMPROVEMENT_READ));
        rule(rules, "GET /api/v1/improvements/suggestions/{id}", EnumSet.of(IMPROVEMENT_READ));
        rule(rules, "GET /api/v1/improvements/suggestions/{id}/history", EnumSet.of(IMPROVEMENT_READ));
        rule(rules, "POST /api/v1/improvements/suggestions/{id}/dismiss", EnumSet.of(IMPROVEMENT_MANAGE));
        rule(rules, "POST /api/v1/improvements", EnumSet.of(IMPROVEMENT_MANAGE));
        rule(rules, "GET /api/v1/improvements", EnumSet.of(IMPROVEMENT_READ));
        rule(rules, "GET /api/v1/improvements/{id}", EnumSet.of(IMPROVEMENT_READ));
        rule(rules, "PATCH /api/v1/improvements/{id}", EnumSet.of(IMPROVEMENT_READ));
        rule(rules, "POST /api/v1/improvements/{id}/verify", EnumSet.of(IMPROVEMENT_READ));
        rule(rules, "GET /api/v1/improvements/{id}/history", EnumSet.of(IMPROVEMENT_READ));
        rule(rules, "GET /api/v1/reports/kpis", EnumSet.of(REPORT_READ));
        rule(rules, "GET /api/v1/reports/monthly", EnumSet.of(REPORT_READ));

        // Demo mode only: moving the clock runs every SLA alarm that falls due, so it is the SLA administrators'.
        rule(rules, "POST /api/v1/demo/clock/advance", EnumSet.of(SLA_ADMIN));
        return rules;
    }

    private static void rule(Map<String, Set<Permission>> rules, String route, Set<Permission> anyOf) {
        rules.put(route, anyOf);
    }
}
