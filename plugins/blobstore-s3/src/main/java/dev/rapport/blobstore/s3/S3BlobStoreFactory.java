package dev.rapport.blobstore.s3;

import dev.rapport.api.spi.ConfigKey;
import dev.rapport.api.spi.PluginConfig;
import dev.rapport.api.spi.PluginConfigException;
import dev.rapport.api.spi.PluginContext;
import dev.rapport.api.spi.blob.BlobStore;
import dev.rapport.api.spi.blob.BlobStoreFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Creates the {@code s3} blob store: attachments as objects in a bucket of an S3-compatible object store, which
 * every node of a deployment reaches.
 *
 * <p>Settings:
 * <ul>
 *   <li>{@code bucket} (required): the bucket, which must exist; creation checks that it can be reached</li>
 *   <li>{@code endpoint}: the store's URL, e.g. {@code https://minio.internal:9000}; AWS S3 of the region without</li>
 *   <li>{@code region}: default {@value #DEFAULT_REGION}; most S3-compatible stores accept any</li>
 *   <li>{@code access-key}, {@code secret-key} (secret): both or neither; without them the AWS SDK's default chain
 *   (environment, system properties, profile, container or instance role)</li>
 *   <li>{@code path-style}: {@code true} addresses the bucket in the path ({@code endpoint/bucket/key}), as most
 *   self-hosted stores need; default {@code false} (virtual-host style, {@code bucket.endpoint/key})</li>
 *   <li>{@code prefix}: put before every object key, e.g. {@code rapport/attachments/}, to share a bucket; default
 *   none</li>
 * </ul>
 * The secret key is never logged nor put in a message. Requests go through the JDK's {@code HttpURLConnection} (the
 * AWS SDK's URL-connection client), so the plugin brings neither Netty nor Apache HttpClient.
 */
public final class S3BlobStoreFactory implements BlobStoreFactory {
    /** The id configuration refers to. */
    public static final String ID = "s3";
    static final String BUCKET = "bucket";
    static final String ENDPOINT = "endpoint";
    static final String REGION = "region";
    static final String ACCESS_KEY = "access-key";
    static final String SECRET_KEY = "secret-key";
    static final String PATH_STYLE = "path-style";
    static final String PREFIX = "prefix";
    static final String DEFAULT_REGION = "us-east-1";
    private static final Pattern PREFIX_SHAPE = Pattern.compile("([A-Za-z0-9_-][A-Za-z0-9._-]*/)*([A-Za-z0-9_-][A-Za-z0-9._-]*)?");
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(60);

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<ConfigKey> keys() {
        return List.of(
                ConfigKey.required(BUCKET, ConfigKey.Type.STRING, "the bucket, which must exist"),
                ConfigKey.optional(ENDPOINT, ConfigKey.Type.HTTP_URL, "the store's URL; AWS S3 of the region without"),
                ConfigKey.optional(REGION, ConfigKey.Type.STRING, DEFAULT_REGION, "the store's region"),
                ConfigKey.optional(ACCESS_KEY, ConfigKey.Type.STRING, "the access key, with secret-key; the AWS "
                        + "default credentials without"),
                ConfigKey.optional(SECRET_KEY, ConfigKey.Type.STRING, "the secret key, with access-key").asSecret(),
                ConfigKey.optional(PATH_STYLE, ConfigKey.Type.BOOLEAN, "false", "the bucket in the path rather than "
                        + "in the host name"),
                ConfigKey.optional(PREFIX, ConfigKey.Type.STRING, "put before every object key, e.g. "
                        + "rapport/attachments/"));
    }

    /**
     * @throws PluginConfigException when a setting is missing or malformed, or when the bucket cannot be reached
     *                               with these settings
     */
    @Override
    public BlobStore create(PluginContext context) {
        var settings = Settings.read(context.instanceName(), context.config());
        var s3 = settings.client();
        try {
            s3.headBucket(b -> b.bucket(settings.bucket()));
        } catch (SdkException e) {
            s3.close();
            throw new PluginConfigException(context.instanceName() + ": bucket " + settings.bucket()
                    + " cannot be reached" + settings.endpoint().map(uri -> " at " + uri).orElse("") + ": "
                    + reason(e));
        }
        return new S3BlobStore(s3, settings.bucket(), settings.prefix());
    }

    /** What went wrong, in the store's words; the SDK's messages name the request, never the credentials. */
    private static String reason(SdkException e) {
        if (e instanceof S3Exception s3 && s3.statusCode() == 404) {
            return "no such bucket";
        }
        if (e instanceof S3Exception s3 && s3.statusCode() == 403) {
            return "access denied (check access-key and secret-key)";
        }
        return e.getMessage();
    }

    /** The settings as read; every key is read up front so the SDK reports only keys this store does not know. */
    private record Settings(String bucket, Optional<URI> endpoint, String region, Optional<String> accessKey,
                            Optional<String> secretKey, boolean pathStyle, String prefix) {
        static Settings read(String instance, PluginConfig config) {
            var problems = new ArrayList<String>();
            String bucket = config.string(BUCKET);
            Optional<URI> endpoint = config.optionalString(ENDPOINT).map(v -> config.uri(ENDPOINT));
            String region = config.string(REGION);
            var accessKey = config.optionalString(ACCESS_KEY);
            var secretKey = config.optionalString(SECRET_KEY);
            if (accessKey.isPresent() != secretKey.isPresent()) {
                problems.add(instance + ": " + ACCESS_KEY + " and " + SECRET_KEY + " go together: give both or "
                        + "neither (then the AWS default credentials apply); " + (accessKey.isEmpty() ? ACCESS_KEY
                        : SECRET_KEY) + " is missing");
            }
            boolean pathStyle = config.bool(PATH_STYLE);
            String prefix = config.optionalString(PREFIX).orElse("");
            if (!PREFIX_SHAPE.matcher(prefix).matches()) {
                problems.add(instance + ": " + PREFIX + " may hold letters, digits, '.', '-', '_' and '/' between "
                        + "names, e.g. rapport/attachments/");
            }
            if (!problems.isEmpty()) {
                throw new PluginConfigException(problems);
            }
            return new Settings(bucket, endpoint, region, accessKey, secretKey, pathStyle, prefix);
        }

        S3Client client() {
            var builder = S3Client.builder()
                    .httpClientBuilder(UrlConnectionHttpClient.builder()
                            .connectionTimeout(CONNECT_TIMEOUT).socketTimeout(READ_TIMEOUT))
                    .region(Region.of(region))
                    .credentialsProvider(credentials())
                    .forcePathStyle(pathStyle)
                    // Only the checksums S3 requires: many S3-compatible stores refuse the newer trailing checksums,
                    // and the store computes its own SHA-256 of every blob anyway.
                    .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                    .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
            endpoint.ifPresent(builder::endpointOverride);
            return builder.build();
        }

        private AwsCredentialsProvider credentials() {
            if (accessKey.isPresent() && secretKey.isPresent()) {
                return StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey.get(), secretKey.get()));
            }
            return DefaultCredentialsProvider.builder().build();
        }

        /** Never shows the secret key, should a record be printed. */
        @Override
        public String toString() {
            return "Settings[bucket=" + bucket + ", endpoint=" + endpoint + ", region=" + region + ", path-style="
                    + pathStyle + ", prefix=" + prefix + "]";
        }
    }
}
