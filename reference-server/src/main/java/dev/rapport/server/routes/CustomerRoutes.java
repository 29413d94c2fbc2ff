package dev.rapport.server.routes;

import dev.rapport.api.Page;
import dev.rapport.api.customer.ContactDraft;
import dev.rapport.api.customer.ContactId;
import dev.rapport.api.customer.CustomerId;
import dev.rapport.api.customer.CustomerKind;
import dev.rapport.api.customer.CustomerProfile;
import dev.rapport.api.customer.CustomerSource;
import dev.rapport.api.customer.CustomerUpdate;
import dev.rapport.api.customer.Customers;
import dev.rapport.api.customer.MaintenanceLevel;
import dev.rapport.api.customer.Segment;
import dev.rapport.api.error.FieldError;
import dev.rapport.api.error.ValidationException;
import dev.rapport.api.security.UserId;
import dev.rapport.api.ticket.IntakeChannel;
import dev.rapport.server.http.Exchange;
import dev.rapport.server.http.JsonBody;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.util.ArrayList;
import java.util.Optional;

/**
 * {@code /api/v1/customers}: create (409 with the candidates for a likely duplicate, unless
 * {@code ?allowDuplicate=true}), read, merge-patch, fuzzy search, history.
 */
public final class CustomerRoutes implements HttpService {
    private final Customers customers;
    private final Exchange http;

    public CustomerRoutes(Customers customers, Exchange http) {
        this.customers = customers;
        this.http = http;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/", this::create)
                .get("/", this::search)
                .get("/{id}", this::get)
                .patch("/{id}", this::patch)
                .get("/{id}/history", this::history)
                .get("/{id}/matches", (req, res) -> http.page(res, Page.last(customers.possibleMatches(http.actor(req),
                        id(req)))))
                .post("/{id}/merge", this::merge);
    }

    private void create(ServerRequest req, ServerResponse res) {
        var actor = http.actor(req);
        var body = http.body(req);
        var profile = apply(body, CustomerProfile.builder()).build();
        body.requireValid(() -> customers.validate(actor, profile));
        http.created(res, customers.create(actor, profile, allowDuplicate(req)));
    }

    /** {@code ?allowDuplicate=true} creates a customer even when it looks like an existing one. */
    private boolean allowDuplicate(ServerRequest req) {
        return http.query(req, "allowDuplicate").map(value -> switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new ValidationException(FieldError.of("allowDuplicate", "must be true or false"));
        }).orElse(false);
    }

    private void search(ServerRequest req, ServerResponse res) {
        var actor = http.actor(req);
        http.page(res, customers.search(actor, http.query(req, "q").orElse(""), http.page(req)));
    }

    private void get(ServerRequest req, ServerResponse res) {
        http.ok(res, customers.get(http.actor(req), id(req)));
    }

    /** JSON merge patch: fields present replace the current ones, null clears optional ones. */
    private void patch(ServerRequest req, ServerResponse res) {
        var actor = http.actor(req);
        var body = http.body(req);
        var current = customers.get(actor, id(req));
        long version = body.version();
        String code = body.has("code") ? body.text("code") : current.code();
        var profile = apply(body, current.profile().toBuilder()).build();
        body.requireValid(() -> customers.validate(actor, profile));
        http.ok(res, customers.update(actor, current.id(), new CustomerUpdate(version, code, profile)));
    }

    private void history(ServerRequest req, ServerResponse res) {
        http.page(res, Page.last(customers.history(http.actor(req), id(req))));
    }

    /** {@code {duplicateId}}: the duplicate's history moves to this customer, which the answer shows. */
    private void merge(ServerRequest req, ServerResponse res) {
        var actor = http.actor(req);
        var body = http.body(req);
        String duplicate = body.text("duplicateId");
        if (duplicate == null || duplicate.isBlank()) {
            body.error("duplicateId", "is required");
        }
        body.requireValid();
        http.ok(res, customers.merge(actor, id(req), CustomerId.of(duplicate)));
    }

    private CustomerId id(ServerRequest req) {
        return CustomerId.of(http.param(req, "id"));
    }

    private static CustomerProfile.Builder apply(JsonBody body, CustomerProfile.Builder profile) {
        if (body.has("kind")) profile.kind(body.enumValue("kind", CustomerKind.class));
        if (body.has("name")) profile.name(body.text("name"));
        if (body.has("industry")) profile.industry(body.text("industry"));
        if (body.has("cooperationSince")) profile.cooperationSince(body.date("cooperationSince"));
        if (body.has("source")) profile.source(body.enumValue("source", CustomerSource.class));
        if (body.has("segment")) profile.segment(body.enumValue("segment", Segment.class));
        if (body.has("maintenanceLevel")) profile.maintenanceLevel(body.enumValue("maintenanceLevel", MaintenanceLevel.class));
        if (body.has("keyAccount")) profile.keyAccount(Boolean.TRUE.equals(body.bool("keyAccount")));
        if (body.has("accountManagerId")) profile.accountManagerId(body.optionalText("accountManagerId").filter(s -> !s.isBlank()).map(UserId::of).orElse(null));
        if (body.has("tags")) profile.tags(body.texts("tags"));
        if (body.has("contractEnd")) profile.contractEnd(body.date("contractEnd"));
        if (body.has("firstContactAt")) profile.firstContactAt(body.instant("firstContactAt"));
        if (body.has("firstContactChannel")) profile.firstContactChannel(body.enumValue("firstContactChannel", IntakeChannel.class));
        if (body.has("contacts")) {
            var contacts = new ArrayList<ContactDraft>();
            var objects = body.objects("contacts");
            if (objects != null) {
                for (var c : objects) {
                    contacts.add(new ContactDraft(c.optionalText("id").filter(s -> !s.isBlank()).map(ContactId::of),
                            c.text("name"), c.optionalText("title"), c.optionalText("phone"), c.optionalText("email")));
                }
            }
            profile.contacts(contacts);
        }
        return profile;
    }
}
