package io.tidings.rules.consent;

import java.util.Locale;
import java.util.Map;

import io.tidings.api.Medium;
import io.tidings.api.Purpose;
import io.tidings.api.rule.PlanContext;
import io.tidings.rules.recipient.Recipient;

/**
 * Who may be sent what. A contact has no consent until the data says so: {@code consent.email} /
 * {@code consent.sms} must be true for the medium, and {@code consent.marketing} too for a
 * MARKETING rule ({@code consent.affiliate_marketing} for AFFILIATE_MARKETING). Choices made through
 * Tidings (dynamic links) outrank the host's flags: an opt-out refuses the purpose, an opt-in grants
 * it. Addresses from fields or the rule itself are staff, not customers: they need no consent for
 * TRANSACTIONAL messages and get no marketing, since nobody opted them in.
 */
public final class ConsentPolicy {

    /**
     * Also refuses an address that opted out of the purpose through Tidings, whatever the host's
     * flags say.
     *
     * @return why the message must not be sent, null when it may
     */
    public String refusal(Recipient recipient, Medium medium, Purpose purpose, PlanContext context) {
        if (context != null && context.isOptedOut(recipient.address(), purpose)) {
            return recipient.address() + " opted out of " + purpose + " through Tidings";
        }
        if (purpose != Purpose.TRANSACTIONAL && recipient.kind() == Recipient.Kind.CONTACT && context != null
                && context.isOptedIn(recipient.address(), purpose)) {
            // the purpose is granted; the channel consent still applies
            return refusal(recipient, medium, Purpose.TRANSACTIONAL);
        }
        return refusal(recipient, medium, purpose);
    }

    /** @return why the message must not be sent, null when it may */
    public String refusal(Recipient recipient, Medium medium, Purpose purpose) {
        if (recipient.kind() != Recipient.Kind.CONTACT) {
            if (purpose != Purpose.TRANSACTIONAL) {
                return "no marketing to " + recipient.source() + ": only a contact who opted in receives " + purpose;
            }
            return null;
        }
        String channelFlag = medium.name().toLowerCase(Locale.ROOT);
        if (!granted(recipient.contact(), channelFlag)) {
            return "no consent for " + medium + " (" + recipient.source() + ".consent." + channelFlag + ")";
        }
        if (purpose == Purpose.MARKETING && !granted(recipient.contact(), "marketing")) {
            return "no consent for MARKETING (" + recipient.source() + ".consent.marketing)";
        }
        if (purpose == Purpose.AFFILIATE_MARKETING && !granted(recipient.contact(), "affiliate_marketing")) {
            return "no consent for AFFILIATE_MARKETING (" + recipient.source() + ".consent.affiliate_marketing)";
        }
        return null;
    }

    /** Only an explicit yes counts: true, or "true" from a host that sends its flags as text. */
    private static boolean granted(Map<?, ?> contact, String flag) {
        if (contact == null || !(contact.get("consent") instanceof Map<?, ?> consent)) {
            return false;
        }
        Object value = consent.get(flag);
        return Boolean.TRUE.equals(value) || value instanceof String s && "true".equalsIgnoreCase(s.trim());
    }
}
