package dev.rapport.storage.jdbc.search;

import dev.rapport.api.customer.Contact;
import dev.rapport.api.customer.Customer;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The search columns of one customer row, in {@link SearchText#column()} form. Written with every insert and update
 * of the customer (its contacts are always written with it), and by whoever bulk-loads customers.
 *
 * @param name         the customer's name: searches ask whether the query is in it, and shorter names come first
 * @param coreName     the name without its legal form ({@code Co., Ltd.}, {@code GmbH}, {@code 有限公司}): duplicates
 *                     are found by it, since nearly every company's name ends in one of a few legal forms
 * @param text         the name and the contacts' names: what every search matches, with typos
 * @param personalData the contacts' phones (digits only) and e-mails: matched only for callers who may see them
 */
public record CustomerSearchColumns(String name, String coreName, String text, String personalData) {
    private static final Set<String> LEGAL_WORDS = Set.of("ab", "ag", "bv", "co", "company", "corp", "corporation",
            "gmbh", "inc", "incorporated", "kg", "limited", "llc", "llp", "ltd", "nv", "oy", "plc", "pte", "pty", "sa",
            "sarl", "sas", "spa", "srl");
    /** Longest first, so that 股份有限公司 goes as a whole rather than leave 股份 behind. */
    private static final List<String> LEGAL_SUFFIXES = List.of("股份有限公司", "有限责任公司", "集团有限公司", "有限公司",
            "集团公司", "株式会社", "工作室", "公司", "集团");

    public CustomerSearchColumns {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(coreName, "coreName");
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
        return new CustomerSearchColumns(nameText.column(), coreName(name).column(), SearchText.concat(texts).column(),
                SearchText.concat(personal).column());
    }

    /**
     * The search form of {@code name} without the legal form it ends in, or of the whole name when nothing else
     * would be left.
     */
    public static SearchText coreName(String name) {
        String stripped = Normalizer.normalize(name, Normalizer.Form.NFKC).strip();
        for (String suffix : LEGAL_SUFFIXES) {
            if (stripped.endsWith(suffix)) {
                stripped = stripped.length() > suffix.length()
                        ? stripped.substring(0, stripped.length() - suffix.length()) : stripped;
                break;
            }
        }
        var text = SearchText.of(stripped);
        int end = text.words().size();
        while (end > 1 && !text.paired().get(end - 1) && LEGAL_WORDS.contains(text.words().get(end - 1))) {
            end--;
        }
        return new SearchText(text.words().subList(0, end), text.paired().subList(0, end));
    }
}
