package dev.rapport.api.customer;

import java.util.Optional;

/**
 * A contact as entered: name required, and a phone or an e-mail to reach them.
 *
 * @param id the contact to keep when editing a customer; empty for a new contact
 */
public record ContactDraft(Optional<ContactId> id, String name, Optional<String> title, Optional<String> phone,
                           Optional<String> email) {
    public ContactDraft {
        id = id == null ? Optional.empty() : id;
        title = title == null ? Optional.empty() : title;
        phone = phone == null ? Optional.empty() : phone;
        email = email == null ? Optional.empty() : email;
    }

    /** A new contact with a name, a phone and an e-mail, each may be null. */
    public static ContactDraft of(String name, String phone, String email) {
        return new ContactDraft(Optional.empty(), name, Optional.empty(), Optional.ofNullable(phone),
                Optional.ofNullable(email));
    }

    /** The draft that keeps {@code contact} as it is. */
    public static ContactDraft of(Contact contact) {
        return new ContactDraft(Optional.of(contact.id()), contact.name(), contact.title(), contact.phone(),
                contact.email());
    }
}
