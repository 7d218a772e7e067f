package io.tidings.channel.smpp;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.jsmpp.SMPPConstant;
import org.jsmpp.util.DeliveryReceiptState;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

import io.tidings.api.Medium;
import io.tidings.api.channel.DeliveryFeedback;
import io.tidings.api.channel.OutboundMessage;
import io.tidings.api.channel.SendResult;
import io.tidings.testing.smsc.TestSmsc;

/** The SMPP channel against a real SMPP server (jsmpp's server side) on loopback. */
public class SmppChannelTest {

    /** Records what the channel reports, as the engine would take it. */
    static final class RecordingFeedback implements DeliveryFeedback {
        final List<String> delivered = new CopyOnWriteArrayList<>();
        final List<String> failed = new CopyOnWriteArrayList<>();
        final Set<String> known = java.util.concurrent.ConcurrentHashMap.newKeySet();

        @Override
        public boolean delivered(String channelName, String providerMessageId) {
            if (!known.contains(providerMessageId)) {
                return false;
            }
            delivered.add(channelName + "/" + providerMessageId);
            return true;
        }

        @Override
        public boolean failed(String channelName, String providerMessageId, String reason) {
            if (!known.contains(providerMessageId)) {
                return false;
            }
            failed.add(channelName + "/" + providerMessageId + "/" + reason);
            return true;
        }
    }

    private TestSmsc smsc;
    private SmppChannel channel;
    private final RecordingFeedback feedback = new RecordingFeedback();

    @Before
    public void start() throws Exception {
        smsc = new TestSmsc();
    }

    @After
    public void stop() throws Exception {
        if (channel != null) {
            channel.close();
        }
        smsc.close();
    }

    static SmppSettings settings(int port, int maxTps, int window, Concatenation concatenation) {
        return new SmppSettings("127.0.0.1", port, "tidings", "secret", "", "Tidings", -1, -1, maxTps, window,
                SmppSettings.BindMode.TRX, Duration.ofSeconds(5), Duration.ofMillis(100), Duration.ofMillis(400), "UA",
                concatenation, Duration.ofSeconds(5));
    }

    private SmppChannel bound(SmppSettings settings) {
        channel = new SmppChannel("smpp-test", settings, () -> feedback);
        await().atMost(Duration.ofSeconds(20)).until(() -> channel.state().available());
        return channel;
    }

    static OutboundMessage sms(String to, String text) {
        return new OutboundMessage(UUID.randomUUID().toString(), Medium.SMS, to, null, null, text, null, "uk", 1);
    }

    private static SendResult result(CompletableFuture<SendResult> f) throws Exception {
        return f.get(30, TimeUnit.SECONDS);
    }

    private SendResult send(OutboundMessage m) throws Exception {
        SendResult r = result(channel.send(m).toCompletableFuture());
        if (r.outcome() == SendResult.Outcome.SENT) {
            feedback.known.add(r.providerMessageId());
        }
        return r;
    }

    @Test
    public void aTextOfMorePartsThanMaxPartsFailsPermanentlyAndNothingIsSubmitted() throws Exception {
        bound(settings(smsc.port(), 100, 4, Concatenation.UDH));
        // 700 UCS-2 characters: 11 parts of 67, one more than the default cap of 10
        StringBuilder text = new StringBuilder();
        while (text.length() < 700) {
            text.append("Ваше замовлення 1001 готове. ");
        }
        SendResult tooLong = send(sms("+380671234567", text.substring(0, 700)));
        assertEquals(tooLong.toString(), SendResult.Outcome.PERMANENT_FAILURE, tooLong.outcome());
        assertEquals("text too long: 700 characters make 11 SMS parts (UCS-2), more than maxParts 10", tooLong.error());

        // ten parts are within the cap; the SMSC sees only those, so nothing of the refused text went out before
        SendResult tenParts = send(sms("+380671234567", text.substring(0, 670)));
        assertEquals(tenParts.toString(), SendResult.Outcome.SENT, tenParts.outcome());
        assertEquals(10, smsc.received.size());
        assertTrue(smsc.received.stream().allMatch(r -> r.shortMessage()[4] == 10));
    }

    @Test
    public void theCapOnPartsIsConfigurableAndCoversMessagePayloadToo() throws Exception {
        SmppSettings d = settings(smsc.port(), 100, 4, Concatenation.PAYLOAD);
        bound(new SmppSettings(d.host(), d.port(), d.systemId(), d.password(), d.systemType(), d.sourceAddress(),
                d.sourceTon(), d.sourceNpi(), d.maxTps(), d.window(), d.bindType(), d.enquireLink(), d.reconnectInitial(),
                d.reconnectMax(), d.defaultRegion(), d.concatenation(), d.responseTimeout(), 2));
        String threeParts = "Your order 1001 is ready, collect it at Main Street 5. ".repeat(8).substring(0, 400);
        SendResult r = send(sms("+380671234567", threeParts));
        assertEquals(r.toString(), SendResult.Outcome.PERMANENT_FAILURE, r.outcome());
        assertEquals("text too long: 400 characters make 3 SMS parts (GSM 7-bit), more than maxParts 2", r.error());
        assertEquals(0, smsc.received.size());
        try {
            new SmppSettings(d.host(), d.port(), d.systemId(), d.password(), d.systemType(), d.sourceAddress(),
                    d.sourceTon(), d.sourceNpi(), d.maxTps(), d.window(), d.bindType(), d.enquireLink(), d.reconnectInitial(),
                    d.reconnectMax(), d.defaultRegion(), d.concatenation(), d.responseTimeout(), 256);
            org.junit.Assert.fail("256 parts cannot be numbered");
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage(), e.getMessage().startsWith("maxParts:"));
        }
    }

    @Test
    public void ukrainianArrivesAsUcs2AndDecodesIntact() throws Exception {
        bound(settings(smsc.port(), 100, 4, Concatenation.UDH));
        String text = "Ваше замовлення 1001 готове. Їжак, ґанок, є!";
        SendResult r = send(sms("+380671234567", text));
        assertEquals(r.toString(), SendResult.Outcome.SENT, r.outcome());
        assertEquals(1, smsc.received.size());
        TestSmsc.Received got = smsc.received.get(0);
        assertEquals(0x08, got.dataCoding());
        assertEquals("380671234567", got.destination());
        assertEquals(text, new String(got.shortMessage(), StandardCharsets.UTF_16BE));
        assertEquals(got.messageId(), r.providerMessageId());
    }

    @Test
    public void aLongLatinTextArrivesAsTwoGsmPartsThatReassemble() throws Exception {
        bound(settings(smsc.port(), 100, 4, Concatenation.UDH));
        StringBuilder text = new StringBuilder();
        while (text.length() < 300) {
            text.append("Your order 1001 is ready, collect it at Main Street 5. ");
        }
        String original = text.substring(0, 300);
        SendResult r = send(sms("0671234567", original));
        assertEquals(r.toString(), SendResult.Outcome.SENT, r.outcome());
        assertEquals(2, smsc.received.size());
        StringBuilder reassembled = new StringBuilder();
        int reference = -1;
        for (int i = 0; i < 2; i++) {
            TestSmsc.Received part = smsc.received.get(i);
            assertEquals(0x00, part.dataCoding());
            assertTrue("UDHI set", (part.esmClass() & 0x40) != 0);
            byte[] sm = part.shortMessage();
            assertEquals(5, sm[0]);
            assertEquals(0, sm[1]);
            assertEquals(3, sm[2]);
            if (reference < 0) {
                reference = sm[3];
            }
            assertEquals(reference, sm[3]);
            assertEquals(2, sm[4]);
            assertEquals(i + 1, sm[5]);
            assertTrue(sm.length - 6 <= 153);
            // letters, digits, space, comma and full stop have their ASCII codes in GSM 03.38
            for (int k = 6; k < sm.length; k++) {
                reassembled.append((char) sm[k]);
            }
        }
        assertEquals(original, reassembled.toString());
        assertEquals("the default region UA applies to a number without +", "380671234567",
                smsc.received.get(0).destination());
    }

    @Test
    public void sarModeSendsPartsWithSarTlvs() throws Exception {
        bound(settings(smsc.port(), 100, 4, Concatenation.SAR));
        assertEquals(SendResult.Outcome.SENT, send(sms("+380671234567", "z".repeat(200))).outcome());
        assertEquals(2, smsc.received.size());
        TestSmsc.Received first = smsc.received.get(0);
        assertEquals(0, first.esmClass() & 0x40);
        assertTrue(Arrays.stream(first.tlvs()).anyMatch(t -> t.tag == 0x020E));
        assertEquals(153, first.shortMessage().length);
    }

    @Test
    public void aDeliveryReceiptReportsTheMessageDelivered() throws Exception {
        smsc.receipts = DeliveryReceiptState.DELIVRD;
        bound(settings(smsc.port(), 100, 4, Concatenation.UDH));
        SendResult r = send(sms("+380671234567", "Замовлення готове"));
        await().atMost(Duration.ofSeconds(20)).until(() -> feedback.delivered.contains("smpp-test/" + r.providerMessageId()));
        assertTrue(feedback.failed.isEmpty());
    }

    @Test
    public void aLongMessageIsDeliveredWhenEveryPartIs() throws Exception {
        // receipts overtake the submit_sm_resp here: the channel must still find the message
        smsc.receipts = DeliveryReceiptState.DELIVRD;
        smsc.receiptBeforeResponse = true;
        bound(settings(smsc.port(), 100, 4, Concatenation.UDH));
        SendResult r = send(sms("+380671234567", "ї".repeat(150)));
        assertEquals(3, smsc.received.size());
        await().atMost(Duration.ofSeconds(20)).until(() -> feedback.delivered.size() == 1);
        assertEquals("smpp-test/" + r.providerMessageId(), feedback.delivered.get(0));
        assertEquals(0, channel.awaitingReceipts());
    }

    @Test
    public void aFailedPartFailsTheMessage() throws Exception {
        smsc.receipts = DeliveryReceiptState.UNDELIV;
        bound(settings(smsc.port(), 100, 4, Concatenation.UDH));
        SendResult r = send(sms("+380671234567", "y".repeat(200)));
        await().atMost(Duration.ofSeconds(20)).until(() -> feedback.failed.size() == 1);
        String failure = feedback.failed.get(0);
        assertTrue(failure, failure.startsWith("smpp-test/" + r.providerMessageId() + "/"));
        assertTrue(failure, failure.contains("UNDELIV"));
        assertTrue(feedback.delivered.isEmpty());
    }

    @Test
    public void aThrottledFirstSubmitIsRetriedAndSent() throws Exception {
        bound(settings(smsc.port(), 100, 4, Concatenation.UDH));
        smsc.throttleNext.set(1);
        OutboundMessage message = sms("+380671234567", "Throttled once");
        SendResult first = send(message);
        assertEquals(SendResult.Outcome.TRANSIENT_FAILURE, first.outcome());
        assertTrue(first.error(), first.error().contains("ESME_RTHROTTLED"));
        assertNotNull(first.retryAfter());
        // the engine's retry
        SendResult second = send(new OutboundMessage(message.communicationId(), Medium.SMS, message.recipient(), null,
                null, message.text(), null, "en", 2));
        assertEquals(SendResult.Outcome.SENT, second.outcome());
        assertEquals(1, smsc.received.size());
    }

    @Test
    public void permanentErrorsCarryTheCommandStatus() throws Exception {
        bound(settings(smsc.port(), 100, 4, Concatenation.UDH));
        smsc.rejectWith = SMPPConstant.STAT_ESME_RINVDSTADR;
        SendResult r = send(sms("+380671234567", "Nowhere"));
        assertEquals(SendResult.Outcome.PERMANENT_FAILURE, r.outcome());
        assertTrue(r.error(), r.error().contains("0x0000000B") && r.error().contains("ESME_RINVDSTADR"));
    }

    @Test
    public void anInvalidNumberFailsWithoutShowingIt() throws Exception {
        bound(settings(smsc.port(), 100, 4, Concatenation.UDH));
        SendResult r = send(sms("+380 12", "Hello"));
        assertEquals(SendResult.Outcome.PERMANENT_FAILURE, r.outcome());
        assertEquals("invalid phone number", r.error());
        assertTrue(smsc.received.isEmpty());
    }

    @Test
    public void aNationalNumberIsReadInTheCountryOfTheEventsLocation() throws Exception {
        bound(settings(smsc.port(), 100, 4, Concatenation.UDH));
        OutboundMessage danish = new OutboundMessage(UUID.randomUUID().toString(), Medium.SMS, "20 12 34 56", null, null,
                "Din ordre er klar", null, "da", 1, "DK");
        assertEquals(SendResult.Outcome.SENT, send(danish).outcome());
        assertEquals("4520123456", smsc.received.get(0).destination());
    }

    @Test
    public void theSmscDroppingTheConnectionLosesNothing() throws Exception {
        bound(settings(smsc.port(), 1000, 4, Concatenation.UDH));
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            texts.add("Message number " + i);
        }
        int retries = 0;
        for (int i = 0; i < texts.size(); i++) {
            if (i == 10 || i == 25) {
                smsc.dropConnections();
            }
            // what the engine does: a transient failure is sent again later
            OutboundMessage message = sms("+380671234567", texts.get(i));
            SendResult r = send(message);
            while (r.outcome() == SendResult.Outcome.TRANSIENT_FAILURE) {
                retries++;
                await().atMost(Duration.ofSeconds(20)).until(() -> channel.state().available());
                r = send(message);
            }
            assertEquals(r.toString(), SendResult.Outcome.SENT, r.outcome());
        }
        Set<String> arrived = new HashSet<>();
        for (TestSmsc.Received got : smsc.received) {
            arrived.add(GsmAlphabet.decode(got.shortMessage(), 0, got.shortMessage().length));
        }
        assertTrue("every message arrived", arrived.containsAll(texts));
        assertTrue("the channel bound again", smsc.binds.get() >= 2);
        assertTrue(retries >= 0);
    }

    @Test
    public void stateSaysReconnectingWhileTheSmscIsDown() throws Exception {
        int port = smsc.port();
        smsc.close();
        channel = new SmppChannel("smpp-test", settings(port, 10, 2, Concatenation.UDH), () -> feedback);
        await().atMost(Duration.ofSeconds(10)).until(() -> channel.state().detail().startsWith("reconnecting"));
        assertFalse(channel.state().available());
        SendResult r = send(sms("+380671234567", "Waiting"));
        assertEquals(SendResult.Outcome.TRANSIENT_FAILURE, r.outcome());
        assertTrue(r.error(), r.error().startsWith("not bound"));
        smsc = new TestSmsc(port);
        await().atMost(Duration.ofSeconds(20)).until(() -> channel.state().available());
        assertTrue(channel.state().detail(), channel.state().detail().startsWith("bound"));
    }

    @Test
    public void noSecondCarriesMoreThanMaxTpsSubmits() throws Exception {
        int maxTps = 5;
        bound(settings(smsc.port(), maxTps, 10, Concatenation.UDH));
        List<CompletableFuture<SendResult>> futures = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            // two parts each: 16 submit_sm
            futures.add(channel.send(sms("+380671234567", ("Part text " + i + " ").repeat(20))).toCompletableFuture());
        }
        for (CompletableFuture<SendResult> f : futures) {
            assertEquals(SendResult.Outcome.SENT, result(f).outcome());
        }
        assertEquals(16, smsc.received.size());
        assertMaxPerSecond(smsc.received, maxTps);
    }

    @Test
    public void aNewMaxTpsAppliesWithoutRebinding() throws Exception {
        bound(settings(smsc.port(), 1000, 10, Concatenation.UDH));
        int binds = smsc.binds.get();
        channel.reconfigure(settings(smsc.port(), 3, 10, Concatenation.UDH));
        int before = smsc.received.size();
        List<CompletableFuture<SendResult>> futures = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            futures.add(channel.send(sms("+380671234567", "Tps " + i)).toCompletableFuture());
        }
        for (CompletableFuture<SendResult> f : futures) {
            assertEquals(SendResult.Outcome.SENT, result(f).outcome());
        }
        assertMaxPerSecond(smsc.received.subList(before, smsc.received.size()), 3);
        assertEquals(binds, smsc.binds.get());
    }

    /** Counted per one-second window starting at each arrival, as the server saw them. */
    static void assertMaxPerSecond(List<TestSmsc.Received> received, int maxTps) {
        long[] times = received.stream().mapToLong(TestSmsc.Received::arrivedNanos).sorted().toArray();
        long window = TimeUnit.SECONDS.toNanos(1);
        for (int i = 0; i < times.length; i++) {
            int count = 0;
            for (int k = i; k < times.length && times[k] - times[i] < window; k++) {
                count++;
            }
            assertTrue("at most " + maxTps + " submit_sm in a second, saw " + count, count <= maxTps);
        }
    }
}
