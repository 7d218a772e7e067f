package io.tidings.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;

import java.lang.reflect.Array;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Hashtable;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.Test;
import org.osgi.framework.ServiceReference;

import io.tidings.api.link.DynamicLinks;
import io.tidings.api.link.LinkOutcome;

/**
 * The key that signs links, configured as {@code secret} in {@code io.tidings.links}, signs the
 * links and appears on no service, where the console and every bundle could read it.
 */
public class LinkSecretIT extends TidingsTestSupport {

    @Test
    public void theConfiguredSecretSignsLinksAndIsOnNoService() throws Exception {
        String secret = "links-" + UUID.randomUUID() + "-" + UUID.randomUUID();
        String base = "http://127.0.0.1:" + httpPort();
        org.osgi.service.cm.Configuration links = configurationAdmin.getConfiguration("io.tidings.links", "?");
        Hashtable<String, Object> props = new Hashtable<>();
        props.put("baseUrl", base);
        props.put("secret", secret);
        links.update(props);
        try {
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                ServiceReference<DynamicLinks> service = context.getServiceReference(DynamicLinks.class);
                assertNotNull("no DynamicLinks service", service);
                assertEquals(base, service.getProperty("baseUrl"));
            });

            // links signed with the configured secret are read, others are not
            ServiceReference<DynamicLinks> reference = context.getServiceReference(DynamicLinks.class);
            DynamicLinks service = context.getService(reference);
            try {
                String payload = "1|OPT_OUT_DIRECT_MARKETING|preview|" + (System.currentTimeMillis() / 1000 + 3600);
                assertEquals(LinkOutcome.Result.PREVIEW, service.open(sign(payload, secret)).result());
                assertEquals(LinkOutcome.Result.INVALID, service.open(sign(payload, secret + "-not")).result());
            } finally {
                context.ungetService(reference);
            }

            for (ServiceReference<?> any : context.getAllServiceReferences(null, null)) {
                for (String key : any.getPropertyKeys()) {
                    assertFalse("service " + any + " carries the links secret as " + key,
                            holds(any.getProperty(key), secret));
                }
            }
        } finally {
            links.delete();
        }
    }

    /** A link token as Tidings signs one: base64url(payload) "." base64url(HMAC-SHA256(key, payload)). */
    private static String sign(String payload, String key) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
        return encoder.encodeToString(bytes) + "." + encoder.encodeToString(mac.doFinal(bytes));
    }

    private static boolean holds(Object value, String secret) {
        if (value != null && value.getClass().isArray()) {
            for (int i = 0; i < Array.getLength(value); i++) {
                if (holds(Array.get(value, i), secret)) {
                    return true;
                }
            }
            return false;
        }
        if (value instanceof Iterable<?> values) {
            for (Object v : values) {
                if (holds(v, secret)) {
                    return true;
                }
            }
            return false;
        }
        return String.valueOf(value).contains(secret);
    }
}
