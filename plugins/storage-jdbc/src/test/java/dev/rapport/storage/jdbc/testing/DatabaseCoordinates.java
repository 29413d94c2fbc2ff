package dev.rapport.storage.jdbc.testing;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Where a test database is and how to log in to it.
 *
 * @param user     null when the URL needs none
 * @param password null when the URL needs none
 */
public record DatabaseCoordinates(String url, String user, String password) {
    public DatabaseCoordinates {
        Objects.requireNonNull(url, "url");
    }

    /** The settings of the {@code jdbc} storage for this database: {@code url}, and {@code user}/{@code password} when set. */
    public Map<String, String> storageConfig() {
        var config = new LinkedHashMap<String, String>();
        config.put("url", url);
        if (user != null) {
            config.put("user", user);
        }
        if (password != null) {
            config.put("password", password);
        }
        return config;
    }
}
