package io.tidings.api.suppression;

import java.time.Instant;

/**
 * An address on the suppression list.
 *
 * @param address the address as the record keeps it (an email address in lower case, a phone number in E.164)
 * @param scope   what it stops
 * @param reason  why, as the SUPPRESSED status of a stopped message says (a bounce's diagnostic code, a complaint,
 *                an administrator's words)
 * @param at      when it was (last) suppressed
 */
public record Suppression(String address, SuppressionScope scope, String reason, Instant at) {
}
