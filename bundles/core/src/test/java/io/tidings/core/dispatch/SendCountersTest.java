package io.tidings.core.dispatch;

import static org.junit.Assert.assertEquals;

import java.util.List;

import org.junit.Test;

import io.tidings.api.DispatcherStatus.SendCount;
import io.tidings.api.Medium;

/** Complaints are counted per channel next to bounces, as the metrics' complained counter reads them. */
public class SendCountersTest {

    @Test
    public void complaintsAreCountedPerChannelBesideBounces() {
        SendCounters counters = new SendCounters();
        counters.complained("smtp-main");
        counters.complained("smtp-main");
        counters.complained("smtp-news");
        counters.count(SendCounters.BOUNCED, "smtp-main", null);
        counters.count(SendCounters.SENT, "smtp-main", Medium.EMAIL);

        assertEquals(2, counters.total("complained", "smtp-main"));
        assertEquals(1, counters.total("complained", "smtp-news"));
        assertEquals(List.of(new SendCount("bounced", "smtp-main", "", 1),
                new SendCount("complained", "smtp-main", "", 2), new SendCount("complained", "smtp-news", "", 1),
                new SendCount("sent", "smtp-main", "EMAIL", 1)),
                counters.snapshot());
    }
}
