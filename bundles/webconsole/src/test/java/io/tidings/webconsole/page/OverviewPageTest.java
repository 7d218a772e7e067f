package io.tidings.webconsole.page;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.Test;

import io.tidings.api.CommunicationStatus;
import io.tidings.api.NotificationService;
import io.tidings.api.channel.ChannelState;
import io.tidings.api.channel.ChannelSummary;

public class OverviewPageTest {

    /** An engine that answers the overview's one question. */
    private static final NotificationService ENGINE = NoServices.engine("countByStatus",
            Map.of(CommunicationStatus.SENT, 3L));

    private static ConsoleServices services(Supplier<List<ChannelSummary>> listing) {
        Services services = new Services() {
            @Override
            public List<ChannelSummary> channels() {
                return listing.get();
            }
        };
        services.engine = ENGINE;
        return services;
    }

    private static String render(ConsoleServices services) {
        return new OverviewPage(services).render(new View("/system/console/tidings", Map.of(), "t", null)).toString();
    }

    @Test
    public void showsTheChannelsOfTheDirectoryAndTheCounts() {
        String page = render(services(() -> List.of(
                new ChannelSummary("smtp-main", List.of("EMAIL"), 10, ChannelState.unavailable("connecting")),
                new ChannelSummary("devbox", List.of("EMAIL", "SMS"), Integer.MIN_VALUE, ChannelState.AVAILABLE))));
        assertTrue(page, page.contains("<tr><td>smtp-main</td><td>EMAIL</td><td>10</td><td>no</td>"
                + "<td>connecting</td></tr><tr><td>devbox</td><td>EMAIL, SMS</td>"
                + "<td>fallback: used while no other channel serves the medium</td><td>yes</td><td>available</td></tr>"));
        assertTrue(page, page.contains(">SENT</a></td><td>3</td>"));
    }

    @Test
    public void withoutTheDirectoryTheCountsAreStillShown() {
        String page = render(services(() -> {
            throw new ConsoleServices.Unavailable("the notification engine (ChannelDirectory)");
        }));
        assertTrue(page, page.contains("the notification engine (ChannelDirectory) is not available"));
        assertFalse(page, page.contains("tidings-channels"));
        assertTrue(page, page.contains(">SENT</a></td><td>3</td>"));
    }
}
