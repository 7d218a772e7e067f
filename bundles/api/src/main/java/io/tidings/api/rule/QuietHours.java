package io.tidings.api.rule;

import java.time.LocalTime;

/**
 * Hours of the recipient's day no message of the rule may arrive in, {@code from} inclusive to
 * {@code to} exclusive, crossing midnight when {@code from} is after {@code to} (21:00–09:00).
 */
public record QuietHours(LocalTime from, LocalTime to) {
}
