package io.tidings.channel.webhook;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;

/**
 * One endpoint's settings, checked when configured: a configuration that cannot work is refused with
 * the attribute named, rather than failing every message later.
 */
record WebhookSettings(URI url, String secret, Duration connectTimeout, Duration requestTimeout,
        boolean allowInternalAddresses) {

    static final int MIN_SECRET = 16;

    WebhookSettings {
        if (secret == null || secret.length() < MIN_SECRET) {
            throw new IllegalArgumentException("secret: must be at least " + MIN_SECRET + " characters");
        }
        if (connectTimeout.isNegative() || connectTimeout.isZero()) {
            throw new IllegalArgumentException("connectTimeoutMillis: must be at least 1");
        }
        if (requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("requestTimeoutMillis: must be at least 1");
        }
    }

    /** @throws IllegalArgumentException naming {@code url} when it is not an absolute http(s) URL with a host */
    static URI parseUrl(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("url: is required");
        }
        URI uri;
        try {
            uri = URI.create(text.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("url: is not a URL: " + e.getMessage());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new IllegalArgumentException("url: must be an http or https URL with a host, e.g. https://hooks.example.com/tidings");
        }
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("url: must not carry a user name or password");
        }
        return uri;
    }

    @Override
    public String toString() {
        // never the secret
        return "WebhookSettings[url=" + url + ", allowInternalAddresses=" + allowInternalAddresses + "]";
    }
}
