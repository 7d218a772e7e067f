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
        Purpose applied = purpose == null ? Purpose.TRANSACTIONAL : purpose;
        if (c.recipient() != null && consent.optedOut(c.recipient(), applied)) {
            return c.recipient() + " opted out of " + applied + " through Tidings after the message was planned";
        }
        return null;
    }
}
