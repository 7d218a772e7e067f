package io.tidings.channel.devbox;

import static io.tidings.channel.devbox.DevboxArchiveTest.sms;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.Collection;
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

import io.tidings.api.Medium;
import io.tidings.api.channel.Channel;
import io.tidings.api.channel.OutboundMessage;
import io.tidings.api.channel.SendResult;

/** The component registering its channel into a real (embedded) OSGi framework. */
public class DevboxComponentTest {

    @Rule
    public TemporaryFolder storage = new TemporaryFolder();

    private Framework framework;
    private BundleContext context;
    private final DevboxComponent component = new DevboxComponent();

    @Before
    public void start() throws Exception {
        framework = ServiceLoader.load(FrameworkFactory.class).iterator().next().newFramework(Map.of(
                Constants.FRAMEWORK_STORAGE, storage.getRoot().getAbsolutePath(),
                Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT));
        framework.start();
        context = framework.getBundleContext();
    }

    @After
    public void stop() throws Exception {
        component.deactivate();
        framework.stop();
        framework.waitForStop(10_000);
    }

    @Test
    public void withoutConfigurationItIsTheLowestChannelForEmailAndSms() throws Exception {
        component.activate(context, config(Map.of()));
        ServiceReference<Channel> reference = devbox();
        assertArrayEquals(new String[] { "EMAIL", "SMS" }, (String[]) reference.getProperty(Channel.MEDIUM));
        assertEquals(Integer.MIN_VALUE, reference.getProperty(Channel.PRIORITY));
        assertEquals(1, context.getServiceReferences(Channel.class, "(channel.medium=SMS)").size());
    }

    @Test
    public void whatItTakesIsReadableThroughTheArchive() throws Exception {
        component.activate(context, config(Map.of()));
        Channel channel = context.getService(devbox());
        SendResult result = channel.send(sms("c-7", "Ваше замовлення D-7 готове. Чекаємо на вас у Сервіс на Хрещатику."))
                .toCompletableFuture().get(5, TimeUnit.SECONDS);
        assertEquals(SendResult.sent("devbox-c-7"), result);
        channel.send(new OutboundMessage("c-8", Medium.EMAIL, "amelie@example.fr", "Amélie Dubois",
                "Réparation terminée", "Votre appareil est prêt ; à bientôt !", "<p>Votre appareil est prêt</p>", "fr", 1));

        assertEquals("c-8", component.messages(10).get(0).message().communicationId());
        assertEquals("Ваше замовлення D-7 готове. Чекаємо на вас у Сервіс на Хрещатику.",
                component.messages(10).get(1).message().text());
        component.clear();
        assertTrue(component.messages(10).isEmpty());
    }

    @Test
    public void disablingUnregistersTheChannelAndEnablingRegistersItAgain() throws Exception {
        component.activate(context, config(Map.of("enabled", true)));
        Channel channel = context.getService(devbox());
        channel.send(sms("c-1", "Påmindelse: din booking i morgen kl. 13:00."));

        component.modified(config(Map.of("enabled", false)));
        assertTrue(context.getServiceReferences(Channel.class, null).isEmpty());
        assertFalse(component.channelRegistered());
        assertEquals("what it kept stays readable", 1, component.messages(10).size());

        component.modified(config(Map.of("enabled", "true")));
        devbox();
        assertTrue(component.channelRegistered());
    }

    @Test
    public void startingDisabledRegistersNoChannel() throws Exception {
        component.activate(context, config(Map.of("enabled", false)));
        assertTrue(context.getServiceReferences(Channel.class, null).isEmpty());
    }

    @Test
    public void aNewCapacityAppliesWithoutLosingTheChannel() throws Exception {
        component.activate(context, config(Map.of("capacity", 5)));
        ServiceReference<Channel> before = devbox();
        Channel channel = context.getService(before);
        for (int i = 1; i <= 5; i++) {
            channel.send(sms("c-" + i, "text " + i));
        }
        component.modified(config(Map.of("capacity", 2)));
        assertEquals(2, component.messages(10).size());
        assertEquals(before.getProperty(Constants.SERVICE_ID), devbox().getProperty(Constants.SERVICE_ID));
    }

    @Test
    public void deactivationUnregistersTheChannel() throws Exception {
        component.activate(context, config(Map.of()));
        devbox();
        component.deactivate();
        assertTrue(context.getServiceReferences(Channel.class, null).isEmpty());
    }

    private ServiceReference<Channel> devbox() throws Exception {
        Collection<ServiceReference<Channel>> references = context.getServiceReferences(Channel.class, "(channel.name=devbox)");
        assertEquals(1, references.size());
        return references.iterator().next();
    }

    private static DevboxConfig config(Map<String, ?> values) {
        return TestConfigs.of(DevboxConfig.class, values);
    }
}
