package io.tidings.core.dispatch;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.tidings.api.Communication;
import io.tidings.api.Purpose;
import io.tidings.api.suppression.Suppression;
import io.tidings.core.store.ConsentRepository;
import io.tidings.core.store.SuppressionRepository;

/**
 * Consent checked again when a message is about to go: an opt-out recorded after the message was
 * planned (an unsubscribe link, an SMS STOP reply, the host withdrawing consent through the API)
 * or an address put on the suppression list (a bounce, a complaint, an administrator) stops a
 * message still waiting for its delay, reminder moment, quiet hours, a channel or a retry.
 */
final class ConsentGate {

    private final ConsentRepository consent;
    private final SuppressionRepository suppressions;

    /** Either may be null: that check is then not made at send time. */
    ConsentGate(ConsentRepository consent, SuppressionRepository suppressions) {
        this.consent = consent;
        this.suppressions = suppressions;
    }

    /**
     * @param purpose the purpose of the message's rule; null (a message no stored rule made, such as
     *                one an agent wrote) counts as TRANSACTIONAL
     * @return why the message must not go now, null when it may
     */
    String refusal(Communication c, Purpose purpose) {
        return of(List.of(c)).refusal(c, purpose);
    }

    /** The opt-outs and suppressions of a claimed batch's recipients, read in one query each. */
    Checked of(Collection<Communication> batch) {
        List<String> recipients = batch.stream().map(Communication::recipient).filter(Objects::nonNull).toList();
        return new Checked(consent == null ? Map.of() : consent.optOutsOf(recipients),
                suppressions == null ? Map.of() : suppressions.suppressionsOf(recipients));
    }

    /** The opt-outs and suppressions of one batch, checked in memory. */
    static final class Checked {
        private final Map<String, Set<Purpose>> optOuts;
        private final Map<String, Suppression> suppressed;

        Checked(Map<String, Set<Purpose>> optOuts, Map<String, Suppression> suppressed) {
            this.optOuts = optOuts;
            this.suppressed = suppressed;
        }

        /** @return why the message must not go now, null when it may */
        String refusal(Communication c, Purpose purpose) {
            Purpose applied = purpose == null ? Purpose.TRANSACTIONAL : purpose;
            if (c.recipient() == null) {
                return null;
            }
            Set<Purpose> out = optOuts.get(c.recipient());
            if (out != null && out.contains(applied)) {
                return c.recipient() + " opted out of " + applied + " through Tidings after the message was planned";
            }
            Suppression s = suppressed.get(c.recipient());
            if (s != null && s.scope().covers(applied)) {
                return c.recipient() + " is on the suppression list: " + s.reason();
            }
            return null;
        }
    }
}
