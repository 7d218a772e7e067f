package io.tidings.api.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;

/**
 * One change in the audit trail.
 *
 * @param actor      who made it: a user of Karaf's realm, or {@code key:<name>} for an API key
 * @param action     what was done, e.g. {@code created}, {@code changed}, {@code deleted}, {@code erased}
 * @param objectType what kind of object, e.g. {@code template}, {@code rule}, {@code contact}
 * @param objectKey  which one (its key or id; a contact's address as {@link #contactKey}); null when none applies
 * @param detail     a short description, never message text; null when there is nothing to add
 */
public record AuditEntry(Instant at, String actor, String action, String objectType, String objectKey,
        String detail) {

    /**
     * The key under which a contact's address is recorded: not the address itself, which an erasure
     * removes, but {@code sha256:} and the first 16 hex digits of the SHA-256 of the address trimmed
     * and in lower case, so that whoever has the address can find its entries.
     */
    public static String contactKey(String address) {
        if (address == null) {
            return null;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(address.trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(digest).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }
}
