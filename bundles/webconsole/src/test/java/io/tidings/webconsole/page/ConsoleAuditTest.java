package io.tidings.webconsole.page;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.Test;

import io.tidings.api.access.AuditEntry;
import io.tidings.api.access.AuditTrail;
import io.tidings.api.channel.MessageArchive;

/** A change made in the console leaves an audit entry with the logged-in user, or is not made. */
public class ConsoleAuditTest {

    private final List<AuditEntry> trail = new ArrayList<>();
    private int cleared;

    private final MessageArchive devbox = new MessageArchive() {
        @Override
        public List<Entry> messages(int limit) {
            return List.of();
        }

        @Override
        public void clear() {
            cleared++;
        }
    };

    private ConsoleServices services(boolean withAudit) {
        return new NoServices() {
            @Override
            public MessageArchive archive() {
                return devbox;
            }

            @Override
            public AuditTrail audit() {
                if (!withAudit) {
                    throw new Unavailable("the audit trail");
                }
                return NoServices.trail(trail);
            }
        };
    }

    private static View post() {
        return new View("/system/console/tidings", Map.of(), null, null);
    }

    @Test
    public void aChangeIsRecordedWithTheUser() {
        Redirect done = new Console(services(true)).post("/devbox/clear", post(), "karaf");

        assertFalse(done.flash().message(), done.flash().error());
        assertEquals(1, cleared);
        assertEquals(1, trail.size());
        assertEquals("karaf", trail.get(0).actor());
        assertEquals("cleared", trail.get(0).action());
        assertEquals("devbox", trail.get(0).objectType());
    }

    @Test
    public void withoutTheAuditTrailNothingIsChanged() {
        Redirect refused = new Console(services(false)).post("/devbox/clear", post(), "karaf");

        assertTrue(refused.flash().error());
        assertTrue(refused.flash().message(), refused.flash().message().contains("audit trail"));
        assertEquals(0, cleared);
    }
}
