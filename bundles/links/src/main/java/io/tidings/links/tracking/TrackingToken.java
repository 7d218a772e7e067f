package io.tidings.links.tracking;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

import io.tidings.links.token.SignedToken;

/**
 * The signed part of a tracking link of an email: its image ({@code OPEN}) or one of its links
 * ({@code CLICK}, with the address it goes on to, signed too, so the endpoint is no open redirect).
 *
 * <p>Payload: {@code 2|KIND|communicationId|expiresEpochSecond|base64url(target)}, in a {@link SignedToken}.
 */
public record TrackingToken(Kind kind, String communicationId, Instant expires, String target) {

    public enum Kind {
        OPEN, CLICK
    }

    private static final String VERSION = "2";
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{8,4000}\\.[A-Za-z0-9_-]{43}");

    public String sign(byte[] key) {
        return SignedToken.sign(VERSION + "|" + kind.name() + "|" + communicationId + "|" + expires.getEpochSecond() + "|"
                + (target == null ? "" : SignedToken.encode(target)), key);
    }

    /** @return empty when malformed, not a tracking token, or its signature does not match */
    public static Optional<TrackingToken> verify(String token, byte[] key) {
        return SignedToken.open(token, key, SHAPE).flatMap(payload -> {
            String[] fields = payload.split("\\|", -1);
            if (fields.length != 5 || !VERSION.equals(fields[0])) {
                return Optional.empty();
            }
            try {
                Kind kind = Kind.valueOf(fields[1]);
                String target = fields[4].isEmpty() ? null : SignedToken.decode(fields[4]);
                if (kind == Kind.CLICK && !isWebAddress(target)) {
                    return Optional.empty();
                }
                return Optional.of(new TrackingToken(kind, fields[2], Instant.ofEpochSecond(Long.parseLong(fields[3])),
                        target));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        });
    }

    /** An absolute http(s) address with a host: the only kind a click may go on to. */
    static boolean isWebAddress(String url) {
        if (url == null) {
            return false;
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme();
            return uri.getHost() != null && ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme));
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
