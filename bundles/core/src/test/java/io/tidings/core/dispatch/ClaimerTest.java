package io.tidings.core.dispatch;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Instant;
import java.util.Map;

import org.junit.Test;

import io.tidings.api.Communication;
import io.tidings.api.CommunicationStatus;
import io.tidings.api.Medium;

public class ClaimerTest {

    private final InMemoryQueue queue = new InMemoryQueue();

    private void due(int count, int attempts) {
        for (int i = 0; i < count; i++) {
            String id = "c-" + attempts + "-" + i;
            queue.add(InMemoryQueue.queued(id, "e-" + id, Medium.SMS, "+380671234567", attempts),
                    InMemoryQueue.event("e-" + id, Map.of("text", "Готово")), Instant.now().minusSeconds(1));
        }
    }

    @Test
    public void claimsNoMoreThanTheFreeSlotsOfTheWindow() throws Exception {
        due(10, 0);
        Claimer claimer = new Claimer(queue, Fakes.settings(4, 6));
        Claimer.Batch first = claimer.claim(Instant.now());
        assertEquals(4, first.due().size());
        assertEquals("the events come with the batch", 4, first.events().size());
        claimer.release(2);
        assertEquals("only the two freed slots are claimed", 2, claimer.claim(Instant.now()).due().size());
    }

    @Test
    public void aRowWhoseAttemptsAreSpentFailsAtClaimTimeAndIsNotOffered() throws Exception {
        due(1, 6);
        due(1, 2);
        Claimer claimer = new Claimer(queue, Fakes.settings(10, 6));
        Claimer.Batch batch = claimer.claim(Instant.now());
        assertEquals(1, batch.due().size());
        assertEquals("c-2-0", batch.due().get(0).id());
        Communication spent = queue.get("c-6-0");
        assertEquals(CommunicationStatus.FAILED, spent.status());
        assertTrue(spent.statusReason(), spent.statusReason().startsWith("gave up after 6 attempts"));
        due(12, 1);
        assertEquals("its slot is free again: nine of ten are free", 9, claimer.claim(Instant.now()).due().size());
    }
}
