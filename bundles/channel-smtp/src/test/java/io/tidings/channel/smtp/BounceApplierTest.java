package io.tidings.channel.smtp;

import static org.junit.Assert.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.Test;

import io.tidings.api.channel.DeliveryFeedback;
import io.tidings.api.suppression.Suppression;
import io.tidings.api.suppression.SuppressionList;
import io.tidings.api.suppression.SuppressionScope;

/** A complaint is reported to the engine, to be counted by channel, and suppresses within the configured scope. */
public class BounceApplierTest {

    private final List<String> complained = new ArrayList<>();
    private final List<Suppression> suppressed = new ArrayList<>();

    private final DeliveryFeedback engine = new DeliveryFeedback() {
        @Override
        public boolean delivered(String channelName, String providerMessageId) {
            return false;
        }

        @Override
        public boolean failed(String channelName, String providerMessageId, String reason) {
            return false;
        }

        @Override
        public void complained(String channelName) {
            complained.add(channelName);
        }
    };

    private final SuppressionList list = new SuppressionList() {
        @Override
        public Suppression suppress(String address, SuppressionScope scope, String reason) {
            Suppression s = new Suppression(address, scope, reason, Instant.now());
            suppressed.add(s);
            return s;
        }

        @Override
        public Optional<Suppression> suppression(String address) {
            return Optional.empty();
        }

        @Override
        public List<Suppression> suppressions(int limit) {
            return List.copyOf(suppressed);
        }

        @Override
        public boolean remove(String address) {
            return false;
        }

        @Override
        public Optional<Suppression> softBounce(String address, String diagnostic) {
            return Optional.empty();
        }
    };

    @Test
    public void aComplaintIsCountedForTheChannelAndSuppressesMarketing() {
        BounceApplier applier = new BounceApplier("smtp-news", SuppressionScope.MARKETING);
        applier.apply(new BounceReport(BounceReport.Kind.COMPLAINT, "søren@example.dk", "abuse", "<m1@tidings>", null),
                engine, list);
        applier.apply(new BounceReport(BounceReport.Kind.SOFT, "søren@example.dk", "4.2.2", "<m2@tidings>", null),
                engine, list);

        assertEquals(List.of("smtp-news"), complained);
        assertEquals(1, suppressed.size());
        assertEquals(SuppressionScope.MARKETING, suppressed.get(0).scope());
        assertEquals("complaint: abuse feedback report", suppressed.get(0).reason());
        assertEquals("0 hard bounce(s), 1 soft, 1 complaint(s)", applier.summary());
    }
}
