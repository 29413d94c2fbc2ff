package dev.rapport.api.spi.storage;

import java.util.Optional;

/** The links customers follow to see their ticket's status and confirm its resolution, by the hash of their token. */
public interface StatusLinkStore {
    void insert(StatusLink link);

    Optional<StatusLink> find(String tokenHash);
}
