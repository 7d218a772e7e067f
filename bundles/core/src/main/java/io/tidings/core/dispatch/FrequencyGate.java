package io.tidings.core.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import io.tidings.api.Communication;
import io.tidings.api.Purpose;
import io.tidings.api.rule.FrequencyCap;
import io.tidings.api.rule.NotificationRule;
import io.tidings.core.store.CommunicationRecord;

/**
 * Frequency caps, checked when a message is about to go: at most N messages to one contact per
 * period, counted in the record (so every node counts what every node sent). A rule's own cap counts
 * its own messages and applies whatever its purpose; a purpose's default counts the messages of every
 * rule of that purpose and spares TRANSACTIONAL ones. A message over its cap is SUPPRESSED with the
 * reason {@code frequency cap: 2 per P1D}.
 */
public final class FrequencyGate {

    private final CommunicationRecord record;
    private final Map<Purpose, FrequencyCap> defaults;
    private final Function<String, Optional<NotificationRule>> rules;

    public FrequencyGate(CommunicationRecord record, Map<Purpose, FrequencyCap> defaults,
            Function<String, Optional<NotificationRule>> rules) {
        this.record = record;
        this.defaults = Map.copyOf(defaults);
        this.rules = rules;
    }

    /** The cap that applies to a rule's messages; null when none does. */
    FrequencyCap capOf(NotificationRule rule) {
        if (rule == null) {
            return null; // a message an agent wrote is never capped
        }
        if (rule.frequencyCap() != null) {
            return rule.frequencyCap();
        }
        return rule.purpose() == Purpose.TRANSACTIONAL ? null : defaults.get(rule.purpose());
    }

    /**
     * What explain says of the cap of a rule's next message to a recipient: how many the recipient was
     * sent in the period, and whether this one would be suppressed. @return null when no cap applies
     */
    public String explain(NotificationRule rule, String recipient, Instant now) {
        FrequencyCap cap = capOf(rule);
        if (cap == null || recipient == null) {
            return null;
        }
        long count = new Checked(new ArrayList<>(record.sentTo(List.of(recipient), now.minus(cap.per()))))
                .count(recipient, rule, cap, now);
        return "frequency cap " + cap.max() + " per " + cap.period() + ": " + count + " already sent to this contact "
                + "in the period" + (count >= cap.max() ? "; this message would be SUPPRESSED (" + cap.reason() + ")" : "");
    }

    /** What a claimed batch's capped recipients were sent within the longest period of their caps, in one query. */
    Checked of(Collection<Communication> batch, Instant now) {
        Duration longest = Duration.ZERO;
        List<String> capped = new ArrayList<>();
        for (Communication c : batch) {
            FrequencyCap cap = c.ruleKey() == null || c.recipient() == null ? null
                    : capOf(rules.apply(c.ruleKey()).orElse(null));
            if (cap != null) {
                capped.add(c.recipient());
                longest = cap.per().compareTo(longest) > 0 ? cap.per() : longest;
            }
        }
        return new Checked(capped.isEmpty() ? new ArrayList<>() : new ArrayList<>(record.sentTo(capped,
                now.minus(longest))));
    }

    /** One batch's sends, with those allowed while checking it counted too. */
    final class Checked {
        private final List<CommunicationRecord.RecentSend> sent;

        Checked(List<CommunicationRecord.RecentSend> sent) {
            this.sent = sent;
        }

        /** @return the reason the message is over its cap, null when it may go (it is then counted) */
        String refusal(Communication c, NotificationRule rule, Instant now) {
            FrequencyCap cap = capOf(rule);
            if (cap == null || c.recipient() == null) {
                return null;
            }
            if (count(c.recipient(), rule, cap, now) >= cap.max()) {
                return cap.reason();
            }
            sent.add(new CommunicationRecord.RecentSend(c.recipient(), c.ruleKey(), now));
            return null;
        }

        private long count(String recipient, NotificationRule rule, FrequencyCap cap, Instant now) {
            Instant since = now.minus(cap.per());
            return sent.stream().filter(s -> recipient.equals(s.recipient()) && !s.sentAt().isBefore(since)
                    && counts(s.ruleKey(), rule)).count();
        }

        /** A send counts against the rule's own cap when it is the rule's, against a purpose's when of that purpose. */
        private boolean counts(String sentRule, NotificationRule rule) {
            if (rule.frequencyCap() != null) {
                return Objects.equals(sentRule, rule.key());
            }
            return sentRule != null && rules.apply(sentRule).map(r -> r.purpose() == rule.purpose()).orElse(false);
        }
    }
}
