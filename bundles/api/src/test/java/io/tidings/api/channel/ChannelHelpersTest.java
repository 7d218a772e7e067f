package io.tidings.api.channel;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import java.time.Duration;
import java.time.Instant;

import org.junit.Test;

public class ChannelHelpersTest {

    private static final String PID = "io.tidings.channel.smtp";

    @Test
    public void aChannelIsNamedAfterItsConfigurationFile() {
        assertEquals("smtp-main", ChannelNames.of("", PID + "~main", PID, "smtp"));
        assertEquals("smtp-backup", ChannelNames.of(null, PID + "~backup", PID, "smtp"));
        assertEquals("smtp-4f1c", ChannelNames.of(" ", PID + ".4f1c", PID, "smtp"));
        assertEquals("the configuration's own name wins", "mailjet", ChannelNames.of(" mailjet ", PID + "~main", PID, "smtp"));
        assertEquals("smtp-" + PID + "~", ChannelNames.of("", PID + "~", PID, "smtp"));
        assertEquals("smtp", ChannelNames.of(null, null, PID, "smtp"));
    }

    @Test
    public void retryAfterIsReadInSecondsOrAsADate() {
        Instant now = Instant.parse("2026-12-07T10:00:00Z");
        assertEquals(Duration.ofSeconds(7), RetryAfter.parse(" 7 ", now));
        assertEquals(Duration.ofSeconds(90), RetryAfter.parse("Mon, 07 Dec 2026 10:01:30 GMT", now));
        assertEquals("a date already past waits no longer", Duration.ZERO, RetryAfter.parse("Mon, 07 Dec 2026 09:00:00 GMT", now));
        assertNull(RetryAfter.parse(null, now));
        assertNull(RetryAfter.parse("-3", now));
        assertNull("unreadable: the engine's backoff decides", RetryAfter.parse("soon", now));
    }
}
