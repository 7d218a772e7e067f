package io.tidings.channel.httpsms;

import java.net.URI;
import java.time.Duration;

/**
 * One HTTP SMS gateway account, validated: a bad value is rejected with the key at fault.
 *
 * @param callbackToken the token delivery-report callbacks must present (at least {@value #MIN_CALLBACK_TOKEN}
 *                      characters); empty refuses every callback
 */
public record HttpSmsSettings(URI url, String token, String sender, Duration connectTimeout, Duration requestTimeout,
        String callbackToken) {

    /** A callback token shorter than this can be guessed against an endpoint open to the internet. */
    public static final int MIN_CALLBACK_TOKEN = 24;

    public HttpSmsSettings {
        if (url == null || url.getScheme() == null
                || !("http".equalsIgnoreCase(url.getScheme()) || "https".equalsIgnoreCase(url.getScheme()))
                || url.getHost() == null) {
            throw new IllegalArgumentException("url: an absolute http or https URL is required");
        }
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("token: required");
        }
        if (sender == null || sender.isBlank() || sender.length() > 16) {
            throw new IllegalArgumentException("sender: required, at most 16 characters");
        }
        if (connectTimeout == null || connectTimeout.isNegative() || connectTimeout.isZero()) {
            throw new IllegalArgumentException("connectTimeoutMillis: must be positive");
        }
        if (requestTimeout == null || requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("requestTimeoutMillis: must be positive");
        }
        callbackToken = callbackToken == null ? "" : callbackToken;
        if (!callbackToken.isEmpty() && callbackToken.length() < MIN_CALLBACK_TOKEN) {
            throw new IllegalArgumentException("callbackToken: at least " + MIN_CALLBACK_TOKEN + " characters, was "
                    + callbackToken.length() + " (empty refuses every delivery report)");
        }
    }

    static URI parseUrl(String url) {
        try {
            return URI.create(url == null ? "" : url.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("url: not a URL (" + e.getMessage() + ")");
        }
    }

    /** Without the tokens, for messages and logs. */
    @Override
    public String toString() {
        return "HttpSmsSettings[" + url + ", sender " + sender + "]";
    }
}
