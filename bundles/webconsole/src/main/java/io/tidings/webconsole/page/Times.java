package io.tidings.webconsole.page;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Moments as a person reads them: the server's local time with its zone, e.g. {@code 2026-03-07 14:05:09 EET}. */
final class Times {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z", Locale.ROOT);

    private Times() {
    }

    /** Null for null. */
    static String local(Instant instant, ZoneId zone) {
        return instant == null ? null : LOCAL.format(instant.atZone(zone));
    }

    static String local(Instant instant) {
        return local(instant, ZoneId.systemDefault());
    }
}
