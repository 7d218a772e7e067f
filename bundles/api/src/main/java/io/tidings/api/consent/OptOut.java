package io.tidings.api.consent;

import java.time.Instant;

import io.tidings.api.Purpose;

/**
 * An address that opted out of a purpose through Tidings. It outranks the host's consent flags:
 * the address is never sent messages of that purpose again.
 */
public record OptOut(String address, Purpose purpose, Instant at) {
}
