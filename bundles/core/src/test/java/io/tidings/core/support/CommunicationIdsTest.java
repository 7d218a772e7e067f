package io.tidings.core.support;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import org.junit.Test;

public class CommunicationIdsTest {

    @Test
    public void idsAreVersion7UuidsThatSortInTheOrderTheyWereMadeAcrossMilliseconds() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(CommunicationIds.next());
            Thread.sleep(2);
        }
        for (String id : ids) {
            UUID uuid = UUID.fromString(id);
            assertEquals(id, 36, id.length());
            assertEquals(id, 7, uuid.version());
            assertEquals(id, 2, uuid.variant());
            assertEquals(id, uuid.toString(), id);
        }
        List<String> sorted = new ArrayList<>(ids);
        sorted.sort(null);
        assertEquals("string order is creation order", ids, sorted);
    }

    @Test
    public void idsMadeAtOnceFromManyThreadsAreUnique() throws Exception {
        List<String> all = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            Thread thread = new Thread(() -> {
                for (int i = 0; i < 25_000; i++) {
                    all.add(CommunicationIds.next());
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertEquals(100_000, all.size());
        assertTrue(new HashSet<>(all).size() == all.size());
    }
}
