package dev.rapport.storage.jdbc.search;

import dev.rapport.api.customer.Contact;
import dev.rapport.api.customer.Customer;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The search columns of one customer row, in {@link SearchText#column()} form. Written with every insert and update
 * of the customer (its contacts are always written with it), and by whoever bulk-loads customers.
 *
 * @param name         the customer's name: duplicates are found by it, and it breaks ties between equal matches
 * @param text         the name and the contacts' names: what every search matches, with typos
 * @param personalData the contacts' phones (digits only) and e-mails: matched only for callers who may see them
 */
public record CustomerSearchColumns(String name, String text, String personalData) {
    public CustomerSearchColumns {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(personalData, "personalData");
    }

    public static CustomerSearchColumns of(Customer customer) {
        var contacts = customer.contacts();
        return of(customer.name(), contacts.stream().map(Contact::name).toList(),
                contacts.stream().flatMap(c -> c.phone().stream()).toList(),
                contacts.stream().flatMap(c -> c.email().stream()).toList());
    }

    public static CustomerSearchColumns of(String name, List<String> contactNames, List<String> phones,
                                           List<String> emails) {
        var nameText = SearchText.of(name);
        var texts = new ArrayList<SearchText>();
        texts.add(nameText);
        contactNames.forEach(contact -> texts.add(SearchText.of(contact)));
        var personal = new ArrayList<SearchText>();
        phones.forEach(phone -> personal.add(SearchText.of(SearchText.digits(phone))));
        emails.forEach(email -> personal.add(SearchText.of(email)));
        return new CustomerSearchColumns(nameText.column(), SearchText.concat(texts).column(),
                SearchText.concat(personal).column());
    }
}
