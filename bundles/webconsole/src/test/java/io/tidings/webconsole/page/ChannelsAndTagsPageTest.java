package io.tidings.webconsole.page;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArraySet;

import org.junit.Before;
import org.junit.Test;

import io.tidings.api.CommunicationStatus;
import io.tidings.api.DispatchControl;
import io.tidings.api.DispatcherStatus;
import io.tidings.api.Medium;
import io.tidings.api.channel.Channel;
import io.tidings.api.channel.ChannelCapabilities;
import io.tidings.api.channel.ChannelState;
import io.tidings.api.channel.ChannelSummary;
import io.tidings.api.channel.OutboundMessage;
import io.tidings.api.channel.SendResult;
import io.tidings.api.tag.EntityDescriptor;
import io.tidings.api.tag.FieldDescriptor;
import io.tidings.api.tag.FieldType;

public class ChannelsAndTagsPageTest {

    private final Services services = new Services();
    private final List<OutboundMessage> handed = new ArrayList<>();
    private final Set<String> paused = new CopyOnWriteArraySet<>();
    private final Set<String> draining = new CopyOnWriteArraySet<>();
    private final Map<String, Integer> inFlight = new java.util.HashMap<>();
    private boolean allPaused;

    /** A channel that keeps what it is handed. */
    private final Channel keeper = new Channel() {
        @Override
        public CompletionStage<SendResult> send(OutboundMessage message) {
            handed.add(message);
            return CompletableFuture.completedFuture(SendResult.sent("p-1"));
        }

        @Override
        public ChannelCapabilities capabilities() {
            return null;
        }
    };

    @Before
    public void twoEmailChannelsAndAFallback() {
        services.engine = new Record()
                .add(Record.message("sms1", CommunicationStatus.QUEUED, null, "reminder", Instant.now()))
                .add(Record.message("m1", CommunicationStatus.SENT, "smtp-main", "order-ready", Instant.now()))
                .add(Record.message("m2", CommunicationStatus.DELIVERED, "smtp-main", "order-ready", Instant.now()))
                .add(Record.message("m3", CommunicationStatus.SENT, "smtp-main", "order-ready", Instant.now()))
                .add(Record.message("m4", CommunicationStatus.BOUNCED, "smtp-main", "order-ready", Instant.now()))
                .engine();
        services.channels.add(new ChannelSummary("smtp-main", List.of("EMAIL"), 10, ChannelState.AVAILABLE));
        services.channels.add(new ChannelSummary("smtp-backup", List.of("EMAIL"), 5,
                ChannelState.unavailable("connection refused")));
        services.channels.add(new ChannelSummary("devbox", List.of("EMAIL"), Channel.FALLBACK_PRIORITY,
                ChannelState.AVAILABLE));
        services.channelServices.add(new ConsoleServices.ChannelService("smtp-main", "io.tidings.channel.smtp~main",
                keeper));
        services.dispatcher = new DispatcherStatus() {
            @Override
            public boolean running() {
                return true;
            }

            @Override
            public List<SendCount> sendCounts() {
                return List.of(new SendCount("sent", "smtp-main", "EMAIL", 7), new SendCount("failed", "smtp-main",
                        "EMAIL", 2), new SendCount("retried", "smtp-main", "EMAIL", 1));
            }
        };
        services.control = new DispatchControl() {
            public void pause() {
                allPaused = true;
            }

            public void resume() {
                allPaused = false;
            }

            public boolean paused() {
                return allPaused;
            }

            public boolean pauseChannel(String name) {
                return services.channels.stream().anyMatch(c -> c.name().equals(name)) && paused.add(name);
            }

            public boolean resumeChannel(String name) {
                draining.remove(name);
                return paused.remove(name);
            }

            public Set<String> pausedChannels() {
                return paused;
            }

            public boolean drainChannel(String name) {
                if (services.channels.stream().noneMatch(c -> c.name().equals(name))) {
                    return false;
                }
                paused.add(name);
                draining.add(name);
                return true;
            }

            public Set<String> drainingChannels() {
                return draining;
            }

            public int inFlight(String channel) {
                return inFlight.getOrDefault(channel, 0);
            }
        };
    }

    @Test
    public void eachChannelShowsItsStatePriorityInWordsCountsAndConfiguration() {
        paused.add("smtp-backup");
        String page = new ChannelsPage(services).render(Services.view(true)).toString();
        assertTrue(page, page.contains("<th scope='row'>smtp-main</th><td>EMAIL</td><td>first choice for EMAIL "
                + "(priority 10)</td><td class='tidings-done'>up: available</td><td>7 sent, 3 errors</td>"
                + "<td class='tidings-rates'>25.0 % bounced (1 of 4 sent), 0.0 % complained (0)</td>"
                + "<td><a href='/system/console/configMgr/io.tidings.channel.smtp~main'>Configure smtp-main</a></td>"));
        assertTrue(page, page.contains("second choice for EMAIL (priority 5)</td><td class='tidings-error'>down: "
                + "connection refused; paused by an operator</td>"));
        assertTrue(page, page.contains("fallback: used only while no other channel serves EMAIL"));
        assertTrue(page, page.contains(">Resume smtp-backup</button>") && page.contains(">Pause smtp-main</button>"));
        assertTrue(page, page.contains("1 SMS message(s)</a> wait: no channel serves SMS."));
        assertTrue(page, page.contains("Send test message</button>"));

        String again = new ChannelsPage(services).render(Services.view(false)).toString();
        assertFalse(again, again.contains("<button"));
    }

    @Test
    public void aTestMessageGoesStraightThroughTheChosenChannel() {
        ChannelActions actions = new ChannelActions(services);
        Redirect sent = actions.test(Services.view(true, "name", "smtp-main", "address", "olena@example.com.ua"));
        assertEquals("Test message sent through smtp-main (provider id p-1).", sent.flash().message());
        assertEquals(1, handed.size());
        assertEquals(Medium.EMAIL, handed.get(0).medium());
        assertEquals("olena@example.com.ua", handed.get(0).recipient());
        assertEquals("Tidings test message", handed.get(0).subject());

        assertTrue(actions.pause(Services.view(true, "name", "smtp-main")).flash().message().contains("is paused"));
        assertTrue(paused.contains("smtp-main"));
        actions.resume(Services.view(true, "name", "smtp-main"));
        assertFalse(paused.contains("smtp-main"));
    }

    @Test
    public void anAdministratorPausesAndResumesAllSendingAuditedAsTheRestRouteIs() {
        services.trail = new ArrayList<>();
        Console console = new Console(services);
        String page = new ChannelsPage(services).render(Services.view(true)).toString();
        assertTrue(page, page.contains("<p class='tidings-done tidings-dispatch'>Sending runs.</p>"));
        assertTrue(page, page.contains("Pause all sending</button>"));

        Redirect done = console.post("/dispatch/pause", Services.view(true), "karaf");
        assertFalse(done.flash().message(), done.flash().error());
        assertTrue(allPaused);
        page = new ChannelsPage(services).render(Services.view(true)).toString();
        assertTrue(page, page.contains("All sending is paused by an operator"));
        assertTrue(page, page.contains(">Resume all sending</button>") && !page.contains("Pause all sending"));
        String viewer = new ChannelsPage(services).render(Services.view(false)).toString();
        assertTrue(viewer, viewer.contains("All sending is paused by an operator") && !viewer.contains("<button"));

        console.post("/dispatch/resume", Services.view(true), "karaf");
        assertFalse(allPaused);
        assertEquals(List.of("paused dispatch by karaf", "resumed dispatch by karaf"), services.trail.stream()
                .map(e -> e.action() + " " + e.objectType() + " by " + e.actor()).toList());
    }

    @Test
    public void aDrainedChannelShowsDrainingWhileMessagesAreInFlightThenDrained() {
        services.trail = new ArrayList<>();
        Console console = new Console(services);
        assertTrue(new ChannelsPage(services).render(Services.view(true)).toString().contains(">Drain smtp-main</button>"));
        inFlight.put("smtp-main", 2);
        Redirect done = console.post("/channel/drain", Services.view(true, "name", "smtp-main"), "karaf");
        assertEquals("Channel smtp-main is DRAINING: 2 message(s) in flight, given nothing new.", done.flash().message());
        String page = new ChannelsPage(services).render(Services.view(true)).toString();
        assertTrue(page, page.contains(">DRAINING: 2 message(s) in flight, given nothing new</td>"));
        assertTrue(page, page.contains(">Resume smtp-main</button>") && !page.contains(">Drain smtp-main</button>"));

        inFlight.put("smtp-main", 0);
        page = new ChannelsPage(services).render(Services.view(true)).toString();
        assertTrue(page, page.contains(">DRAINED: nothing in flight, it can be removed</td>"));
        assertEquals("drained channel smtp-main", services.trail.get(0).action() + " " + services.trail.get(0)
                .objectType() + " " + services.trail.get(0).objectKey());

        Redirect unknown = console.post("/channel/drain", Services.view(true, "name", "smtp-gone"), "karaf");
        assertTrue(unknown.flash().message(), unknown.flash().error() && unknown.flash().message()
                .contains("there is no channel 'smtp-gone'"));
        assertEquals(1, services.trail.size());
    }

    @Test
    public void theTagCatalogueListsEveryFieldWithItsBundleAndIsFilteredInTheBrowser() {
        services.tags = new io.tidings.api.tag.TagDirectory() {
            public List<EntityDescriptor> entities() {
                return List.of(new EntityDescriptor("contact_information", "The customer", List.of(
                        new FieldDescriptor("name", FieldType.TEXT, "Full name"), new FieldDescriptor("balance",
                                FieldType.MONEY, "What they owe <b>now</b>")), Map.of("address", "address")));
            }

            public long version() {
                return 1;
            }
        };
        services.tagBundles = Map.of("contact_information", "io.tidings.tags.crm");
        services.templates = new TemplateStore();
        String page = new TagsPage(services).render(Services.view(false)).toString();
        assertTrue(page, page.contains("<tr><td>#contact_information.balance</td><td>MONEY</td><td>What they owe "
                + "&lt;b&gt;now&lt;/b&gt;</td><td>io.tidings.tags.crm</td></tr>"));
        assertTrue(page, page.contains("<td>#contact_information.address</td><td>relation</td>"));
        assertTrue(page, page.contains("id='tidings-tag-filter'"));
        assertTrue(page, page.contains("Every template's tags are provided."));
    }

    @Test
    public void templatesWhoseTagsAreNoLongerProvidedAreListed() {
        services.tags = new io.tidings.api.tag.TagDirectory() {
            public List<EntityDescriptor> entities() {
                return List.of();
            }

            public long version() {
                return 2;
            }
        };
        TemplateStore store = new TemplateStore();
        store.all.add(new io.tidings.api.template.Template("points", "Points", Medium.SMS, "da", Map.of("da",
                new io.tidings.api.template.TemplateContent(null, null, "Du har #loyalty_card.points point")), 3));
        store.problems.put("points", List.of(new io.tidings.api.template.TemplateProblem("contents.da.text", 1, 8,
                "unknown tag #loyalty_card.points: no installed tag provider describes loyalty_card")));
        services.templates = store;
        String page = new TagsPage(services).render(Services.view(true)).toString();
        assertTrue(page, page.contains("<ul class='tidings-orphans'><li><a href='/system/console/tidings/template?key=points'>"
                + "points</a>, contents.da.text line 1: unknown tag #loyalty_card.points"));
    }
}
