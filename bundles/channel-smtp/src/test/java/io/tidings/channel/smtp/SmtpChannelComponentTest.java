package io.tidings.channel.smtp;

import static io.tidings.channel.smtp.SmtpChannelTest.DA_SUBJECT;
import static io.tidings.channel.smtp.SmtpChannelTest.DA_TEXT;
import static io.tidings.channel.smtp.SmtpChannelTest.assertSent;
import static io.tidings.channel.smtp.SmtpChannelTest.email;
import static io.tidings.channel.smtp.SmtpChannelTest.freePort;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;

import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import io.tidings.api.channel.Channel;
import io.tidings.api.channel.SendResult;
import io.tidings.api.channel.SendResult.Outcome;

/**
 * The component as Declarative Services drives it, registering into a real (embedded) OSGi
 * framework, sending to a real SMTP server that requires a login.
 */
public class SmtpChannelComponentTest {

    private static final String SECRET = "Kodeord-æøå-пароль";

    @Rule
    public TemporaryFolder storage = new TemporaryFolder();

    private Framework framework;
    private BundleContext context;
    private GreenMail smtp;
    private SmtpChannelComponent component;

    @Before
    public void start() throws Exception {
        framework = ServiceLoader.load(FrameworkFactory.class).iterator().next().newFramework(Map.of(
                Constants.FRAMEWORK_STORAGE, storage.getRoot().getAbsolutePath(),
                Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT));
        framework.start();
        context = framework.getBundleContext();
        smtp = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
                .withConfiguration(GreenMailConfiguration.aConfig().withUser("shop@example.com", "shop", SECRET));
        smtp.start();
    }

    @After
    public void stop() throws Exception {
        if (component != null && component.channel() != null) {
            try {
                component.deactivate();
            } catch (IllegalStateException e) {
                // a test already deactivated it
            }
        }
        smtp.stop();
        framework.stop();
        framework.waitForStop(10_000);
    }

    @Test
    public void registersTheChannelWithItsRoutingPropertiesAndNoPassword() throws Exception {
        activate(config(SECRET, 7), "io.tidings.channel.smtp~main");

        ServiceReference<Channel> reference = only("(" + Channel.NAME + "=smtp-main)");
        assertArrayEquals(new String[] { "EMAIL" }, (String[]) reference.getProperty(Channel.MEDIUM));
        assertEquals(7, reference.getProperty(Channel.PRIORITY));
        assertEquals(1, context.getServiceReferences(Channel.class, "(&(channel.medium=EMAIL)(channel.priority>=7))").size());
        for (String key : reference.getPropertyKeys()) {
            assertFalse(key, key.toLowerCase().contains("password"));
            assertFalse(key, String.valueOf(reference.getProperty(key)).contains(SECRET));
        }

        Channel channel = context.getService(reference);
        assertSent(channel.send(email("c-1", "soren@example.dk", "Søren Ærø", DA_SUBJECT, DA_TEXT, null, "da"))
                .toCompletableFuture().get(30, TimeUnit.SECONDS));
        assertEquals(DA_SUBJECT, smtp.getReceivedMessages()[0].getSubject());
    }

    @Test
    public void modifiedAppliesANewPasswordAndPriorityWithoutARestart() throws Exception {
        activate(config("wrong", 0), "io.tidings.channel.smtp~main");
        ServiceReference<Channel> reference = only("(" + Channel.NAME + "=smtp-main)");
        Channel channel = context.getService(reference);
        SendResult refused = channel.send(email("c-1", "soren@example.dk", null, DA_SUBJECT, DA_TEXT, null, "da"))
                .toCompletableFuture().get(30, TimeUnit.SECONDS);
        assertEquals(Outcome.TRANSIENT_FAILURE, refused.outcome());
        assertEquals("authentication failed", refused.error());
        assertFalse(channel.state().available());

        Map<String, Object> fixed = config(SECRET, 20);
        component.modified(TestConfigs.of(SmtpChannelConfig.class, fixed), withPid(fixed, "io.tidings.channel.smtp~main"));

        ServiceReference<Channel> same = only("(" + Channel.NAME + "=smtp-main)");
        assertEquals(reference.getProperty(Constants.SERVICE_ID), same.getProperty(Constants.SERVICE_ID));
        assertEquals(20, same.getProperty(Channel.PRIORITY));
        assertSame(channel, context.getService(same));
        assertTrue(channel.state().available());
        assertSent(channel.send(email("c-1", "soren@example.dk", null, DA_SUBJECT, DA_TEXT, null, "da"))
                .toCompletableFuture().get(30, TimeUnit.SECONDS));
        assertEquals(1, smtp.getReceivedMessages().length);
    }

    @Test
    public void aConfiguredNameWinsOverTheAlias() throws Exception {
        Map<String, Object> config = config(SECRET, 0);
        config.put("name", "transactional-mail");
        activate(config, "io.tidings.channel.smtp~main");
        only("(" + Channel.NAME + "=transactional-mail)");
    }

    @Test
    public void deactivationUnregistersTheChannel() throws Exception {
        activate(config(SECRET, 0), "io.tidings.channel.smtp~main");
        only("(" + Channel.NAME + "=smtp-main)");
        component.deactivate();
        assertTrue(context.getServiceReferences(Channel.class, null).isEmpty());
    }

    @Test
    public void aConfigurationWithoutFromIsRefusedNamingTheField() throws Exception {
        Map<String, Object> config = config(SECRET, 0);
        config.remove("from");
        try {
            activate(config, "io.tidings.channel.smtp~main");
            fail("a channel without a sender must not start");
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage(), e.getMessage().startsWith("from:"));
        }
        assertTrue(context.getServiceReferences(Channel.class, null).isEmpty());
    }

    @Test
    public void theChannelIsNamedAfterTheConfigurationAlias() {
        assertEquals("smtp-main", SmtpChannelComponent.channelName("", "io.tidings.channel.smtp~main"));
        assertEquals("smtp-backup", SmtpChannelComponent.channelName(null, "io.tidings.channel.smtp~backup"));
        assertEquals("smtp-4f1c", SmtpChannelComponent.channelName(" ", "io.tidings.channel.smtp.4f1c"));
        assertEquals("mailjet", SmtpChannelComponent.channelName(" mailjet ", "io.tidings.channel.smtp~main"));
        assertNotEquals("smtp-", SmtpChannelComponent.channelName("", "io.tidings.channel.smtp~"));
    }

    private void activate(Map<String, Object> config, String pid) {
        component = new SmtpChannelComponent();
        component.activate(context, TestConfigs.of(SmtpChannelConfig.class, config), withPid(config, pid));
    }

    private Map<String, Object> config(String password, int priority) {
        Map<String, Object> config = new HashMap<>();
        config.put("host", "127.0.0.1");
        config.put("port", smtp.getSmtp().getPort());
        config.put("username", "shop");
        config.put("password", password);
        config.put("from", "Butik Ærø <shop@example.com>");
        config.put("poolSize", 1);
        config.put("channel.priority", priority);
        return config;
    }

    private static Map<String, Object> withPid(Map<String, Object> config, String pid) {
        Map<String, Object> properties = new HashMap<>(config);
        properties.put(Constants.SERVICE_PID, pid);
        return properties;
    }

    private ServiceReference<Channel> only(String filter) throws Exception {
        Collection<ServiceReference<Channel>> references = context.getServiceReferences(Channel.class, filter);
        assertEquals(filter, 1, references.size());
        return references.iterator().next();
    }
}
