package io.tidings.core.dispatch;

import io.tidings.api.Communication;
import io.tidings.api.Purpose;
import io.tidings.core.store.ConsentRepository;

/**
 * Consent checked again when a message is about to go: an opt-out recorded after the message was
 * planned (an unsubscribe link, an SMS STOP reply, the host withdrawing consent through the API)
 * stops a message still waiting for its delay, reminder moment, quiet hours, a channel or a retry.
 */
final class ConsentGate {

    private final ConsentRepository consent;

    ConsentGate(ConsentRepository consent) {
        this.consent = consent;
    }

    /**
     * @param purpose the purpose of the message's rule; null (a message no stored rule made, such as
     *                one an agent wrote) counts as TRANSACTIONAL
     * @return why the message must not go now, null when it may
     */
    String refusal(Communication c, Purpose purpose) {
        return of(java.util.List.of(c)).refusal(c, purpose);
    }

    /** The opt-outs of a claimed batch's recipients, read in one query. */
    Checked of(java.util.Collection<Communication> batch) {
        return new Checked(consent.optOutsOf(batch.stream().map(Communication::recipient)
                .filter(java.util.Objects::nonNull).toList()));
    }

    /** The opt-outs of one batch, checked in memory. */
    static final class Checked {
        private final java.util.Map<String, java.util.Set<Purpose>> optOuts;

        Checked(java.util.Map<String, java.util.Set<Purpose>> optOuts) {
            this.optOuts = optOuts;
        }

        /** @return why the message must not go now, null when it may */
        String refusal(Communication c, Purpose purpose) {
            Purpose applied = purpose == null ? Purpose.TRANSACTIONAL : purpose;
            java.util.Set<Purpose> out = c.recipient() == null ? null : optOuts.get(c.recipient());
            if (out != null && out.contains(applied)) {
                return c.recipient() + " opted out of " + applied + " through Tidings after the message was planned";
            }
            return null;
        }
    }
}
