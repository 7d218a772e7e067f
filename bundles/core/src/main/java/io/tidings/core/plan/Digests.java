package io.tidings.core.plan;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import io.tidings.api.BusinessEvent;
import io.tidings.api.Communication;
import io.tidings.api.CommunicationStatus;
import io.tidings.api.rule.NotificationRule;
import io.tidings.core.spi.RenderDataContributor;
import io.tidings.core.store.DigestPlan;
import io.tidings.core.store.OutboxRepository;

/**
 * Digests: a contact's messages of a digest rule within its window become one message, rendered with
 * {@code #digest.items} (each item an event's data, oldest first) and {@code #digest.count}.
 */
public final class Digests implements RenderDataContributor {

    /** The name templates reach the digest by. */
    public static final String NAME = "digest";

    private final Function<String, Optional<NotificationRule>> rules;
    private final OutboxRepository outbox;

    /**
     * @param rules  rules by key (cached): only a digest rule's messages read their items
     * @param outbox where the items are
     */
    public Digests(Function<String, Optional<NotificationRule>> rules, OutboxRepository outbox) {
        this.rules = rules;
        this.outbox = outbox;
    }

    /** One open window per rule, template and recipient. */
    static String key(NotificationRule rule, String templateKey, String recipient) {
        return rule.key() + "|" + templateKey + "|" + recipient;
    }

    /** A planned message of a digest rule: joins its key's window, or opens one that ends a window later. */
    static DigestPlan.Join join(NotificationRule rule, Communication planned) {
        Instant end = planned.notBefore().plus(rule.digest().window());
        Communication opening = new Communication(planned.id(), planned.eventId(), planned.entity(), planned.ruleKey(),
                planned.templateKey(), planned.templateVersion(), planned.medium(), planned.channel(),
                planned.recipient(), planned.language(), CommunicationStatus.SCHEDULED, null, 0, end,
                planned.createdAt(), null, null, null, null, planned.unit());
        return new DigestPlan.Join(key(rule, planned.templateKey(), planned.recipient()), opening);
    }

    /** What explain says of a digest rule's message to a recipient. */
    static String explain(OutboxRepository outbox, NotificationRule rule, String templateKey, String recipient,
            Instant notBefore) {
        Optional<Instant> open = outbox.openDigest(key(rule, templateKey, recipient));
        return open.map(end -> "joins the digest window open until " + end)
                .orElseGet(() -> "opens a digest window until " + notBefore.plus(rule.digest().window()));
    }

    @Override
    public Map<String, Object> renderData(Communication communication, BusinessEvent event) {
        if (communication.ruleKey() == null
                || rules.apply(communication.ruleKey()).map(r -> r.digest() == null).orElse(true)) {
            return Map.of();
        }
        List<BusinessEvent> items = outbox.digestItems(communication.id());
        if (items.isEmpty()) {
            return Map.of(); // planned before its rule became a digest
        }
        return of(items.stream().map(BusinessEvent::data).toList());
    }

    /** {@code digest} with the items given; a preview shows its own data as the one item. */
    public static Map<String, Object> of(List<Map<String, Object>> items) {
        Map<String, Object> digest = new LinkedHashMap<>();
        digest.put("items", new ArrayList<>(items));
        digest.put("count", items.size());
        return Map.of(NAME, digest);
    }
}
