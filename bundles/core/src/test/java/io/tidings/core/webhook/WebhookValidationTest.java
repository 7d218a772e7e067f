package io.tidings.core.webhook;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.Test;

import io.tidings.api.ValidationException;
import io.tidings.api.webhook.WebhookEvent;

/** A registration is refused with the field at fault and what is wrong with it. */
public class WebhookValidationTest {

    @Test
    public void theKeyIsRequiredAndFitsInAPath() {
        assertField("key", "is required", () -> CoreWebhooks.checkKey(" "));
        assertField("key", "letters, digits", () -> CoreWebhooks.checkKey("crm/hooks"));
        CoreWebhooks.checkKey("crm-2.main_hook");
    }

    @Test
    public void theUrlIsAnAbsoluteHttpAddressWithoutCredentials() {
        assertField("url", "is required", () -> CoreWebhooks.checkUrl(null));
        assertField("url", "http:// or https://", () -> CoreWebhooks.checkUrl("ftp://crm.example.com/in"));
        assertField("url", "http:// or https://", () -> CoreWebhooks.checkUrl("/hooks"));
        assertField("url", "not a valid address", () -> CoreWebhooks.checkUrl("http://crm example.com/"));
        assertField("url", "user name or password", () -> CoreWebhooks.checkUrl("https://me:pw@crm.example.com/"));
        assertEquals("http://127.0.0.1:8080/hooks", CoreWebhooks.checkUrl(" http://127.0.0.1:8080/hooks "));
    }

    @Test
    public void eventsAreKnownNamesAndAtLeastOne() {
        assertField("events", "at least one", () -> CoreWebhooks.checkEvents(List.of()));
        assertField("events[1]", "communication.status, link.response, sms.reply",
                () -> CoreWebhooks.checkEvents(List.of("sms.reply", "communication.sent")));
        assertEquals(Set.of(WebhookEvent.SMS_REPLY, WebhookEvent.LINK_RESPONSE),
                CoreWebhooks.checkEvents(List.of("sms.reply", "link.response", "sms.reply")));
    }

    private static void assertField(String field, String words, Runnable check) {
        ValidationException e = assertThrows(ValidationException.class, check::run);
        assertEquals(field, e.field());
        assertTrue(e.reason(), e.reason().contains(words));
    }
}
