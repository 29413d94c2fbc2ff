package dev.rapport.api.spi.blob;

import java.util.regex.Pattern;

/**
 * The key of one blob, chosen by the {@link BlobStore} that wrote it: 1 to 128 ASCII letters, digits, {@code .},
 * {@code -} and {@code _}, starting with a letter or a digit and never containing {@code ..}. No key can therefore
 * name a parent directory or hold a path separator ({@code /}, {@code \}); a key read back from storage is checked
 * again when it is made into a {@code BlobKey}.
 *
 * @param value the key as the store wrote it
 */
public record BlobKey(String value) {
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    /** @throws IllegalArgumentException when {@code value} does not have the shape above */
    public BlobKey {
        if (value == null || !SHAPE.matcher(value).matches() || value.contains("..")) {
            throw new IllegalArgumentException("Not a blob key: 1 to 128 letters, digits, '.', '-' or '_', "
                    + "starting with a letter or digit, without '..'");
        }
    }

    /** The key with this value. @throws IllegalArgumentException when it does not have a key's shape */
    public static BlobKey of(String value) {
        return new BlobKey(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
