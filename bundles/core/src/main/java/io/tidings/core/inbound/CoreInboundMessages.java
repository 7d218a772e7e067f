package io.tidings.core.inbound;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tidings.api.BusinessEvent;
import io.tidings.api.EntityRef;
import io.tidings.api.ManualMessage;
import io.tidings.api.Medium;
import io.tidings.api.NotificationService;
import io.tidings.api.Purpose;
import io.tidings.api.consent.OptOutService;
import io.tidings.api.inbound.InboundMessage;
import io.tidings.api.inbound.InboundMessages;
import io.tidings.api.inbound.InboundResult;
import io.tidings.api.log.Direction;
import io.tidings.api.log.EntryState;
import io.tidings.api.log.LoggedCommunication;
import io.tidings.api.webhook.WebhookEvent;
import io.tidings.api.webhook.Webhooks;
import io.tidings.core.store.CommunicationLogRepository;
import io.tidings.core.store.CommunicationLogRepository.Sender;

/**
 * Messages contacts send in, from every channel: each is recorded as an INBOUND communication of the
 * contact the latest message to that address went to (its contact id and entity), told to the host's
 * webhooks as {@code sms.reply} (without its text), and its keyword applied: STOP opts out of
 * marketing, START opts back in, HELP is answered through the queue, a custom keyword raises
 * {@code sms.reply_received} for rules. The text is kept in the record, never in the log.
 */
@Component(service = InboundMessages.class, configurationPid = CoreInboundMessages.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = InboundConfiguration.class)
public class CoreInboundMessages implements InboundMessages {

    public static final String PID = "io.tidings.inbound";
    /** The event type a custom keyword raises. */
    public static final String REPLY_RECEIVED = "sms.reply_received";

    private static final Logger LOG = LoggerFactory.getLogger(CoreInboundMessages.class);

    @Reference
    private CommunicationLogRepository store;

    @Reference
    private NotificationService notifications;

    @Reference
    private OptOutService consent;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Webhooks webhooks;

    private final Clock clock;
    private volatile Keywords keywords;

    public CoreInboundMessages() {
        this.clock = Clock.systemUTC();
    }

    /** Outside a framework (engine tests). */
    public CoreInboundMessages(CommunicationLogRepository store, NotificationService notifications,
            OptOutService consent, Webhooks webhooks, Keywords keywords, Clock clock) {
        this.store = store;
        this.notifications = notifications;
        this.consent = consent;
        this.webhooks = webhooks;
        this.keywords = keywords;
        this.clock = clock;
    }

    @Activate
    @Modified
    void configure(InboundConfiguration config) {
        keywords = new Keywords(config.stopKeywords(), config.startKeywords(), config.helpKeywords(),
                config.helpAnswers(), config.customKeywords());
    }

    @Override
    public InboundResult received(InboundMessage message) {
        String from = message.from() == null ? "" : message.from().strip();
        String text = message.text() == null ? "" : message.text();
        Instant at = message.at() == null ? clock.instant() : message.at();
        String medium = message.medium() == null ? "SMS" : message.medium();
        Optional<Sender> sender = from.isEmpty() ? Optional.empty() : store.latestSentTo(from);
        String contactId = sender.map(Sender::contactId).orElse(null);
        EntityRef entity = sender.map(Sender::entity).orElse(null);

        Map<String, Object> contact = new LinkedHashMap<>();
        if (contactId != null) {
            contact.put("id", contactId);
        }
        if (!from.isEmpty()) {
            contact.put(from.contains("@") ? "email" : "phone", from);
        }
        String id = UUID.randomUUID().toString();
        LoggedCommunication received = new LoggedCommunication(id, LoggedCommunication.RECEIVED, medium,
                Direction.INBOUND, EntryState.COMPLETED, contact, entity, null, null,
                text.length() > LoggedCommunication.MAX_NOTES ? text.substring(0, LoggedCommunication.MAX_NOTES) : text,
                at, null, sender.map(s -> List.of(s.communicationId())).orElse(List.of()), null, message.channel(),
                null, null, null);
        store.insert(received, clock.instant());

        Optional<Keywords.Match> match = keywords.match(text);
        String action = match.map(m -> m.action().name()).orElse("NONE");
        publish(message.channel(), medium, from, match, id, at);
        if (match.isEmpty() || from.isEmpty()) {
            return new InboundResult(id, from.isEmpty() ? "NONE" : action, match.map(Keywords.Match::keyword).orElse(null));
        }
        Keywords.Match m = match.get();
        try {
            switch (m.action()) {
                case STOP -> {
                    consent.optOut(from, Purpose.MARKETING);
                    consent.optOut(from, Purpose.AFFILIATE_MARKETING);
                }
                case START -> {
                    consent.optIn(from, Purpose.MARKETING);
                    consent.optIn(from, Purpose.AFFILIATE_MARKETING);
                }
                case HELP -> answerHelp(id, from, contactId, entity, m.language());
                case CUSTOM -> raise(id, m.keyword(), text, from, contactId, entity, message.channel(), at);
                default -> throw new IllegalStateException(m.action().name());
            }
            LOG.info("Channel {}: an incoming message with the keyword {} was applied ({})", message.channel(),
                    m.keyword(), m.action());
        } catch (RuntimeException e) {
            LOG.warn("Channel {}: applying the keyword {} of an incoming message failed: {}", message.channel(),
                    m.keyword(), e.toString());
        }
        return new InboundResult(id, action, m.keyword());
    }

    /** The HELP answer is a manual SMS to the sender (its id follows the reply's, so once), recorded as usual. */
    private void answerHelp(String replyId, String from, String contactId, EntityRef entity, String language) {
        Optional<String> answer = keywords.helpAnswer(language);
        if (answer.isEmpty()) {
            return;
        }
        Map<String, Object> recipient = contact(from, contactId);
        if (language != null) {
            recipient.put("preferred_language", language);
        }
        notifications.send(new ManualMessage("help-" + replyId, Medium.SMS, recipient, null, answer.get(), entity,
                null));
    }

    /** A custom keyword is an event for rules, ingested like the host's (its id follows the reply's, so once). */
    private void raise(String replyId, String keyword, String text, String from, String contactId, EntityRef entity,
            String channel, Instant at) {
        Map<String, Object> data = new HashMap<>();
        data.put("keyword", keyword);
        data.put("text", text);
        data.put("from", from);
        data.put("channel", channel == null ? "" : channel);
        data.put("contact_information", contact(from, contactId));
        notifications.submit(new BusinessEvent("sms-reply-" + replyId, REPLY_RECEIVED, at.atOffset(ZoneOffset.UTC),
                null, entity == null ? new EntityRef("sms", replyId) : entity, data));
    }

    /**
     * The sender as a {@code contact_information} snapshot: who texted a keyword asked for its answer, so
     * the answer has the sender's consent to SMS (opt-outs for marketing still apply).
     */
    private static Map<String, Object> contact(String from, String contactId) {
        Map<String, Object> contact = new LinkedHashMap<>();
        contact.put("phone", from);
        if (contactId != null) {
            contact.put("id", contactId);
        }
        contact.put("consent", Map.of("sms", true));
        return contact;
    }

    /** Every reply is told to the host's webhooks as {@code sms.reply}: never its text. */
    private void publish(String channel, String medium, String from, Optional<Keywords.Match> match, String id,
            Instant at) {
        Webhooks hooks = webhooks;
        if (hooks == null) {
            return;
        }
        Map<String, Object> data = new HashMap<>();
        data.put("channel", channel == null ? "" : channel);
        data.put("medium", medium);
        data.put("from", from);
        data.put("stop", match.map(m -> m.action() == Keywords.Action.STOP).orElse(false));
        // what the reply did, never the word itself: the webhook carries nothing the contact wrote
        data.put("action", match.map(m -> m.action().name()).orElse("NONE"));
        data.put("communicationId", id);
        data.put("at", at.toString());
        try {
            hooks.publish(WebhookEvent.SMS_REPLY, data);
        } catch (RuntimeException e) {
            LOG.warn("Channel {}: a reply was not queued for the webhooks: {}", channel, e.toString());
        }
    }
}
