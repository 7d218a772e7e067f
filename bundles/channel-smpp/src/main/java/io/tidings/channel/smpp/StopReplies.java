package io.tidings.channel.smpp;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.TypeOfNumber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tidings.api.Purpose;
import io.tidings.api.consent.OptOutService;
import io.tidings.api.inbound.InboundMessage;
import io.tidings.api.inbound.InboundMessages;
import io.tidings.api.webhook.WebhookEvent;
import io.tidings.api.webhook.Webhooks;

/**
 * Replies from phones. With the engine's {@link InboundMessages} there (the usual case) each reply is
 * handed to it, text and all, and the engine records it, applies the keywords configured in
 * {@code io.tidings.inbound} and tells the webhooks. Without it (an engine that predates incoming
 * messages) each is published to the host's webhooks as {@code sms.reply} (without its
 * text), and a phone that answers one of the stop keywords ({@code STOP}, {@code СТОП}, {@code ARRÊT}, …) is
 * opted out of marketing (direct and affiliate) through Tidings; transactional messages (an order
 * is ready) still go. Recorded on the channel's own thread, never on jsmpp's.
 */
final class StopReplies {

    private static final Logger LOG = LoggerFactory.getLogger(StopReplies.class);

    private final Supplier<OptOutService> consent;
    private final Supplier<Webhooks> webhooks;
    private final Supplier<InboundMessages> inbound;
    private final Executor executor;
    private volatile Set<String> keywords = Set.of();

    StopReplies(Supplier<OptOutService> consent, Supplier<Webhooks> webhooks, Executor executor) {
        this(() -> null, consent, webhooks, executor);
    }

    StopReplies(Supplier<InboundMessages> inbound, Supplier<OptOutService> consent, Supplier<Webhooks> webhooks,
            Executor executor) {
        this.inbound = inbound;
        this.consent = consent;
        this.webhooks = webhooks;
        this.executor = executor;
    }

    void keywords(String[] words) {
        keywords = normalise(words == null ? new String[0] : words);
    }

    private static Set<String> normalise(String[] words) {
        return Stream.of(words).filter(w -> w != null && !w.isBlank()).map(w -> w.strip().toUpperCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }

    /**
     * @param defaultRegion the gateway's country for numbers the SMSC sends without their country code
     * @return true when the reply was a stop keyword (its opt-out is recorded shortly); false when
     *         the engine's incoming messages decide
     */
    boolean handle(DeliverSm reply, String channelName, String defaultRegion) {
        String address = address(reply, defaultRegion);
        if (inbound.get() != null) {
            String written = text(reply);
            String to = reply.getDestAddress();
            java.time.Instant at = java.time.Instant.now();
            executor.execute(() -> {
                InboundMessages engine = inbound.get();
                if (engine == null) {
                    LOG.warn("Channel {}: a reply arrived while the engine went away; it is not recorded", channelName);
                    return;
                }
                try {
                    engine.received(new InboundMessage(channelName, "SMS", address, to, written, at));
                } catch (RuntimeException e) {
                    LOG.warn("Channel {}: recording a reply failed: {}", channelName, e.toString());
                }
            });
            return false;
        }
        String text = text(reply).strip().toUpperCase(Locale.ROOT);
        boolean stop = keywords.contains(text);
        publish(address, stop, channelName);
        if (!stop || address.isEmpty()) {
            return false;
        }
        executor.execute(() -> {
            OptOutService service = consent.get();
            if (service == null) {
                LOG.warn("Channel {}: a stop reply arrived while the engine is away; it is not recorded", channelName);
                return;
            }
            try {
                service.optOut(address, Purpose.MARKETING);
                service.optOut(address, Purpose.AFFILIATE_MARKETING);
                LOG.info("Channel {}: a stop reply opted a phone out of marketing", channelName);
            } catch (RuntimeException e) {
                LOG.warn("Channel {}: recording a stop reply failed: {}", channelName, e.toString());
            }
        });
        return true;
    }

    /**
     * Every reply is told to the host's webhooks as {@code sms.reply}: the channel, the sender and
     * whether it was a stop keyword, never its text.
     */
    private void publish(String address, boolean stop, String channelName) {
        if (webhooks.get() == null) {
            return;
        }
        java.time.Instant at = java.time.Instant.now();
        executor.execute(() -> {
            Webhooks hooks = webhooks.get();
            if (hooks == null) {
                return;
            }
            Map<String, Object> data = new HashMap<>();
            data.put("channel", channelName);
            data.put("medium", "SMS");
            data.put("from", address);
            data.put("stop", stop);
            data.put("at", at.toString());
            try {
                hooks.publish(WebhookEvent.SMS_REPLY, data);
            } catch (RuntimeException e) {
                LOG.warn("Channel {}: a reply was not queued for the webhooks: {}", channelName, e.toString());
            }
        });
    }

    /** UCS-2 when the data coding says so (Ukrainian), else the GSM default alphabet's ASCII core. */
    static String text(DeliverSm reply) {
        byte[] message = reply.getShortMessage();
        if (message == null) {
            return "";
        }
        int coding = reply.getDataCoding() & 0xFF;
        if (coding == 0x08) {
            return new String(message, StandardCharsets.UTF_16BE);
        }
        return new String(message, coding == 0x03 ? StandardCharsets.ISO_8859_1 : StandardCharsets.US_ASCII);
    }

    /**
     * The sender in E.164, as recipients are addressed: its + when the SMSC marks the number
     * international, its country code from the gateway's region when it is national; a number
     * libphonenumber cannot read (a short code) stays as it came.
     */
    static String address(DeliverSm reply, String defaultRegion) {
        String source = reply.getSourceAddr() == null ? "" : reply.getSourceAddr().strip();
        if (source.isEmpty()) {
            return source;
        }
        String written = !source.startsWith("+") && reply.getSourceAddrTon() == TypeOfNumber.INTERNATIONAL.value()
                ? "+" + source : source;
        return PhoneNumbers.e164(written, defaultRegion).orElse(written);
    }
}
