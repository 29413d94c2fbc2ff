package dev.rapport.server.routes;

import dev.rapport.api.customer.CustomerId;
import dev.rapport.api.customer.CustomerTimeline;
import dev.rapport.api.customer.InteractionMethod;
import dev.rapport.api.customer.Interactions;
import dev.rapport.api.customer.NewInteraction;
import dev.rapport.api.customer.NewPurchase;
import dev.rapport.api.customer.Purchase;
import dev.rapport.api.customer.Purchases;
import dev.rapport.api.security.UserId;
import dev.rapport.server.http.Exchange;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** {@code /api/v1/customers/{id}/...}: the communication log, purchases and the 360° timeline of a customer. */
public final class CustomerActivityRoutes implements HttpService {
    private final Interactions interactions;
    private final Purchases purchases;
    private final CustomerTimeline timeline;
    private final Exchange http;

    public CustomerActivityRoutes(Interactions interactions, Purchases purchases, CustomerTimeline timeline,
                                  Exchange http) {
        this.interactions = interactions;
        this.purchases = purchases;
        this.timeline = timeline;
        this.http = http;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/{id}/interactions", this::logInteraction)
                .get("/{id}/interactions", (req, res) -> http.page(res,
                        interactions.list(http.actor(req), customer(req), http.page(req))))
                .post("/{id}/purchases", this::recordPurchase)
                .get("/{id}/purchases", this::listPurchases)
                .get("/{id}/timeline", (req, res) -> http.page(res,
                        timeline.of(http.actor(req), customer(req), http.page(req))));
    }

    private void logInteraction(ServerRequest req, ServerResponse res) {
        var actor = http.actor(req);
        var body = http.body(req);
        var interaction = new NewInteraction(Optional.ofNullable(body.instant("at")),
                body.enumValue("method", InteractionMethod.class), body.texts("participants"), body.text("topic"),
                body.text("content"), body.optionalText("initialResponse"),
                body.optionalText("ownerId").filter(s -> !s.isBlank()).map(UserId::of),
                Optional.ofNullable(body.instant("plannedCompletion")), body.optionalText("nextAction"));
        body.requireValid();
        http.created(res, interactions.log(actor, customer(req), interaction));
    }

    private void recordPurchase(ServerRequest req, ServerResponse res) {
        var actor = http.actor(req);
        var body = http.body(req);
        var purchase = new NewPurchase(body.date("date"), body.decimal("amount"), body.text("currency"));
        body.requireValid();
        http.created(res, json(purchases.record(actor, customer(req), purchase)));
    }

    /** A page of purchases, with the customer's cumulative amount beside it (SPEC §3's cooperation amount). */
    private void listPurchases(ServerRequest req, ServerResponse res) {
        var actor = http.actor(req);
        var page = purchases.list(actor, customer(req), http.page(req)).map(CustomerActivityRoutes::json);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", page.items());
        body.put("nextCursor", page.nextCursor().orElse(null));
        // Money serialises as {"amount", "currency"} in component order.
        body.put("cumulative", purchases.cumulative(actor, customer(req)).orElse(null));
        http.ok(res, body);
    }

    private CustomerId customer(ServerRequest req) {
        return CustomerId.of(http.param(req, "id"));
    }

    /** A purchase as API.md's request names its fields: {@code date, amount, currency}. */
    private static Map<String, Object> json(Purchase purchase) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", purchase.id());
        json.put("customerId", purchase.customerId());
        json.put("date", purchase.date());
        json.put("amount", purchase.amount().amount());
        json.put("currency", purchase.amount().currency().getCurrencyCode());
        json.put("recordedBy", purchase.recordedBy());
        json.put("recordedAt", purchase.recordedAt());
        return json;
    }
}
