package io.tidings.links;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;

import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

import io.tidings.links.token.LinkToken;

/**
 * The links service is registered with the component's identity and the configuration that is not
 * secret: the {@code secret} that signs links never becomes a service property, at activation or
 * when the configuration changes.
 */
public class LinkServicePropertiesTest {

    private static final String SECRET = "a-secret-of-at-least-thirty-two-characters";
    private static final String OTHER_SECRET = "another-secret-of-at-least-thirty-two-chars";

    private final List<Dictionary<String, ?>> published = new ArrayList<>();
    private final List<String[]> classes = new ArrayList<>();

    @Test
    public void theSecretIsNeverAServiceProperty() {
        CoreDynamicLinks links = new CoreDynamicLinks();
        links.activate(context(), config(SECRET, "https://notify.example.com"), component(SECRET, "https://notify.example.com"));
        links.modified(config(OTHER_SECRET, "https://links.example.com"), component(OTHER_SECRET, "https://links.example.com"));

        assertEquals(List.of("io.tidings.api.link.DynamicLinks", "io.tidings.links.LinkMaker"), List.of(classes.get(0)));
        assertEquals(2, published.size());
        assertEquals("https://notify.example.com", published.get(0).get("baseUrl"));
        assertEquals("https://links.example.com", published.get(1).get("baseUrl"));
        assertEquals(CoreDynamicLinks.PID, published.get(1).get("service.pid"));
        for (Dictionary<String, ?> properties : published) {
            assertNotNull(properties.get("component.name"));
            for (Enumeration<String> keys = properties.keys(); keys.hasMoreElements();) {
                String key = keys.nextElement();
                String value = String.valueOf(properties.get(key));
                assertFalse(key, value.contains(SECRET) || value.contains(OTHER_SECRET));
                assertFalse("a private property is published: " + key, key.startsWith("."));
            }
        }
        // the secret still signs the links
        String link = links.linksFor("c-1").values().iterator().next().toString();
        String token = link.substring(link.lastIndexOf('/') + 1);
        assertEquals("c-1", LinkToken.verify(token, OTHER_SECRET.getBytes(StandardCharsets.UTF_8)).orElseThrow()
                .communicationId());
    }

    /** The component properties Declarative Services hands over: the configuration and its own. */
    private static Map<String, Object> component(String secret, String baseUrl) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("component.name", CoreDynamicLinks.class.getName());
        properties.put("component.id", 7L);
        properties.put("service.pid", CoreDynamicLinks.PID);
        properties.put("baseUrl", baseUrl);
        properties.put("secret", secret);
        properties.put(".private", secret);
        properties.put("felix.fileinstall.filename", "file:/opt/karaf/etc/io.tidings.links.cfg");
        return properties;
    }

    private static LinkConfiguration config(String secret, String baseUrl) {
        return (LinkConfiguration) Proxy.newProxyInstance(LinkConfiguration.class.getClassLoader(),
                new Class<?>[] {LinkConfiguration.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "baseUrl" -> baseUrl;
                    case "validityDays" -> 90;
                    case "secret" -> secret;
                    case "trackOpens", "trackClicks" -> "NONE";
                    case "annotationType" -> LinkConfiguration.class;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @SuppressWarnings("unchecked")
    private BundleContext context() {
        ServiceRegistration<Object> registration = (ServiceRegistration<Object>) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {ServiceRegistration.class}, (proxy, method, args) -> {
                    if (method.getName().equals("setProperties")) {
                        published.add((Dictionary<String, ?>) args[0]);
                        return null;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        return (BundleContext) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {BundleContext.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("registerService") && args[0] instanceof String[] names) {
                        classes.add(names);
                        published.add((Dictionary<String, ?>) args[2]);
                        return registration;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
