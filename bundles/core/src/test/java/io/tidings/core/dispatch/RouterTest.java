package io.tidings.core.dispatch;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.List;

import org.junit.Test;

import io.tidings.api.Communication;
import io.tidings.api.Medium;
import io.tidings.api.Purpose;
import io.tidings.api.channel.ChannelCapabilities;
import io.tidings.api.channel.ChannelState;
import io.tidings.api.rule.NotificationRule;

public class RouterTest {

    private final ChannelRegistry channels = new ChannelRegistry();
    private final Router router = new Router(channels);
    private final Communication email = InMemoryQueue.queued("c-1", "e-1", Medium.EMAIL, "olena@example.com", 0);

    private static NotificationRule preferring(String channel) {
        return new NotificationRule("ready", "Order ready", "order.status_changed", "ready", List.of(), null,
                List.of("ready"), List.of("contact_information"), Purpose.TRANSACTIONAL, null, true).withChannel(channel);
    }

    private String chosen(NotificationRule rule, boolean withFiles) {
        Router.Routing routing = router.route(email, rule, withFiles);
        assertTrue(routing.toString(), routing instanceof Router.Chosen);
        return ((Router.Chosen) routing).route().name();
    }

    @Test
    public void theRulesPreferredChannelFirstThenByPriority() {
        channels.add(new Fakes.Recording(), Fakes.route("smtp-main", "EMAIL", 10));
        channels.add(new Fakes.Recording(), Fakes.route("smtp-backup", "EMAIL", 5));
        assertEquals("smtp-main", chosen(null, false));
        assertEquals("smtp-backup", chosen(preferring("smtp-backup"), false));
        assertEquals("a preferred channel that does not exist changes nothing", "smtp-main",
                chosen(preferring("pigeon"), false));
    }

    @Test
    public void failsOverToTheNextAvailableChannelAndSaysWhyWhenNoneIs() {
        Fakes.Recording main = new Fakes.Recording();
        Fakes.Recording backup = new Fakes.Recording();
        channels.add(main, Fakes.route("smtp-main", "EMAIL", 10));
        channels.add(backup, Fakes.route("smtp-backup", "EMAIL", 5));
        main.state = ChannelState.unavailable("reconnecting in 8 s");
        assertEquals("smtp-backup", chosen(null, false));
        backup.state = ChannelState.unavailable("login refused");
        Router.Routing routing = router.route(email, null, false);
        assertEquals(new Router.Unavailable("no channel available (smtp-main: reconnecting in 8 s; smtp-backup: login refused)"),
                routing);
    }

    @Test
    public void aMessageWithFilesGoesOnlyToAChannelThatCarriesThem() {
        channels.add(new Fakes.Recording(), Fakes.route("text-only", "EMAIL", 10));
        assertEquals(new Router.Incapable("no EMAIL channel carries attachments"), router.route(email, null, true));
        channels.add(new Fakes.Recording(ChannelCapabilities.EMAIL), Fakes.route("smtp-main", "EMAIL", 1));
        assertEquals("smtp-main", chosen(null, true));
        assertEquals("text-only", chosen(null, false));
    }

    @Test
    public void noChannelForTheMediumMeansWaiting() {
        channels.add(new Fakes.Recording(), Fakes.route("smpp-main", "SMS", 0));
        assertEquals(new Router.NoChannel(), router.route(email, null, false));
    }
}
