package io.tidings.channel.smpp;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.TypeOfNumber;
import org.junit.Test;

public class StopRepliesTest {

    private final List<Runnable> scheduled = new ArrayList<>();
    private final StopReplies replies = new StopReplies(() -> null, () -> null, scheduled::add);

    private static DeliverSm reply(String from, byte ton, String text, boolean ucs2) {
        DeliverSm sm = new DeliverSm();
        sm.setSourceAddr(from);
        sm.setSourceAddrTon(ton);
        sm.setDataCoding(ucs2 ? (byte) 0x08 : (byte) 0);
        sm.setShortMessage(text.getBytes(ucs2 ? StandardCharsets.UTF_16BE : StandardCharsets.US_ASCII));
        return sm;
    }

    @Test
    public void onlyAKeywordAloneOptsOutInAnyCaseAndLanguage() {
        replies.keywords(new String[] {"STOP", "СТОП", "ARRÊT", " "});
        byte international = TypeOfNumber.INTERNATIONAL.value();
        assertTrue(replies.handle(reply("380501112233", international, " stop\n", false), "smpp-a", "UA"));
        assertTrue(replies.handle(reply("380501112233", international, "Стоп", true), "smpp-a", "UA"));
        assertTrue(replies.handle(reply("33612345678", international, "arrêt", true), "smpp-a", "UA"));
        assertFalse(replies.handle(reply("380501112233", international, "Stop sending receipts", false), "smpp-a", "UA"));
        assertFalse(replies.handle(reply("380501112233", international, "", false), "smpp-a", "UA"));
        assertEquals("recorded off the SMPP thread", 3, scheduled.size());

        replies.keywords(new String[0]);
        assertFalse("no keywords: replies are ignored", replies.handle(reply("380501112233", international, "STOP", false),
                "smpp-a", "UA"));
    }

    @Test
    public void theSenderIsWrittenInE164AsRecipientsAre() {
        assertEquals("+380501112233", StopReplies.address(reply("380501112233", TypeOfNumber.INTERNATIONAL.value(), "STOP", false), "DK"));
        assertEquals("+4520123456", StopReplies.address(reply("+4520123456", TypeOfNumber.UNKNOWN.value(), "STOP", false), "UA"));
        // a national number takes the gateway's country
        assertEquals("+380501112233", StopReplies.address(reply("0501112233", TypeOfNumber.NATIONAL.value(), "STOP", false), "UA"));
        assertEquals("+4520123456", StopReplies.address(reply("20 12 34 56", TypeOfNumber.NATIONAL.value(), "STOP", false), "DK"));
        // without a region, or a short code: as it came
        assertEquals("0501112233", StopReplies.address(reply("0501112233", TypeOfNumber.NATIONAL.value(), "STOP", false), ""));
        assertEquals("1234", StopReplies.address(reply("1234", TypeOfNumber.NETWORK_SPECIFIC.value(), "STOP", false), "FR"));
    }

    @Test
    public void everyReplyIsPublishedToTheWebhooksWithoutItsText() {
        List<java.util.Map<String, Object>> published = new ArrayList<>();
        io.tidings.api.webhook.Webhooks hooks = new PublishedReplies(published);
        StopReplies toHost = new StopReplies(() -> null, () -> hooks, Runnable::run);
        toHost.keywords(new String[] {"STOP"});
        toHost.handle(reply("380501112233", TypeOfNumber.INTERNATIONAL.value(), "Дякую, отримала", true), "smpp-a", "UA");
        toHost.handle(reply("4520123456", TypeOfNumber.INTERNATIONAL.value(), "stop", false), "smpp-b", "DK");
        assertEquals(2, published.size());
        assertEquals("+380501112233", published.get(0).get("from"));
        assertEquals(false, published.get(0).get("stop"));
        assertEquals("smpp-a", published.get(0).get("channel"));
        assertFalse("no text", published.get(0).values().stream().anyMatch(v -> String.valueOf(v).contains("Дякую")));
        assertEquals(true, published.get(1).get("stop"));
        assertEquals("+4520123456", published.get(1).get("from"));
    }

    @Test
    public void withTheEngineEveryReplyIsHandedOverWithItsTextAndTheEngineDecides() {
        List<io.tidings.api.inbound.InboundMessage> received = new ArrayList<>();
        List<java.util.Map<String, Object>> published = new ArrayList<>();
        io.tidings.api.webhook.Webhooks hooks = new PublishedReplies(published);
        io.tidings.api.inbound.InboundMessages engine = m -> {
            received.add(m);
            return new io.tidings.api.inbound.InboundResult("id", "NONE", null);
        };
        List<Runnable> later = new ArrayList<>();
        StopReplies toEngine = new StopReplies(() -> engine, () -> null, () -> hooks, later::add);
        toEngine.keywords(new String[] {"STOP"});
        DeliverSm sm = reply("380501112233", TypeOfNumber.INTERNATIONAL.value(), "Стоп", true);
        sm.setDestAddress("7007");
        assertFalse("the engine decides", toEngine.handle(sm, "smpp-a", "UA"));
        assertTrue("off the SMPP thread", received.isEmpty());
        later.forEach(Runnable::run);
        assertEquals(1, received.size());
        assertEquals("smpp-a", received.get(0).channel());
        assertEquals("+380501112233", received.get(0).from());
        assertEquals("7007", received.get(0).to());
        assertEquals("Стоп", received.get(0).text());
        assertEquals("SMS", received.get(0).medium());
        assertTrue("the engine tells the webhooks, not the channel", published.isEmpty());
    }

    /** Keeps what is published as sms.reply; the rest of the service is not used by replies. */
    private record PublishedReplies(List<java.util.Map<String, Object>> published)
            implements io.tidings.api.webhook.Webhooks {
        @Override
        public void publish(io.tidings.api.webhook.WebhookEvent event, java.util.Map<String, Object> data) {
            assertEquals(io.tidings.api.webhook.WebhookEvent.SMS_REPLY, event);
            published.add(data);
        }

        @Override
        public List<io.tidings.api.webhook.Webhook> webhooks() {
            return List.of();
        }

        @Override
        public java.util.Optional<io.tidings.api.webhook.Webhook> webhook(String key) {
            return java.util.Optional.empty();
        }

        @Override
        public io.tidings.api.webhook.Webhook save(String key, String url, String secret, List<String> events) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean delete(String key) {
            return false;
        }

        @Override
        public List<io.tidings.api.webhook.WebhookDelivery> deliveries(String key,
                io.tidings.api.webhook.WebhookDeliveryStatus status, int limit) {
            return List.of();
        }

        @Override
        public java.util.Optional<io.tidings.api.webhook.WebhookDelivery> redrive(String key, String deliveryId) {
            return java.util.Optional.empty();
        }
    }
}
