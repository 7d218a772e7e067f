package io.tidings.links.token;

import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

import io.tidings.api.link.LinkAction;

/**
 * The signed part of a dynamic link: which message, which action, until when. It carries no
 * address or other personal data (a link ends up in browser histories and proxy logs): the
 * recipient is read from the message's record when the link is followed.
 *
 * <p>Payload: {@code 1|ACTION|communicationId|expiresEpochSecond}, in a {@link SignedToken}.
 */
public record LinkToken(LinkAction action, String communicationId, Instant expires) {

    /** The communication id of links made for a template preview: following one records nothing. */
    public static final String PREVIEW = "preview";

    private static final String VERSION = "1";
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{8,400}\\.[A-Za-z0-9_-]{43}");

    public boolean preview() {
        return PREVIEW.equals(communicationId);
    }

    /** Signs the token with the key. */
    public String sign(byte[] key) {
        return SignedToken.sign(VERSION + "|" + action.name() + "|" + communicationId + "|" + expires.getEpochSecond(), key);
    }

    /**
     * Reads a token signed with the key. Expiry is not checked here, so that an expired link can be
     * told apart from a forged one.
     *
     * @return empty when the token is malformed or its signature does not match
     */
    public static Optional<LinkToken> verify(String token, byte[] key) {
        return SignedToken.open(token, key, SHAPE).flatMap(payload -> {
            String[] fields = payload.split("\\|", -1);
            if (fields.length != 4 || !VERSION.equals(fields[0])) {
                return Optional.empty();
            }
            try {
                return Optional.of(new LinkToken(LinkAction.valueOf(fields[1]), fields[2],
                        Instant.ofEpochSecond(Long.parseLong(fields[3]))));
            } catch (IllegalArgumentException e) {
                // signed by us, so only an action a newer version knows: not followable here
                return Optional.empty();
            }
        });
    }
}
