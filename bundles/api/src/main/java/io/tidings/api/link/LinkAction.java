package io.tidings.api.link;

import java.util.Locale;
import java.util.Optional;

import io.tidings.api.Purpose;

/**
 * What following a dynamic link does. Each action is a tag of the {@code dynamic_link} entity:
 * {@code #dynamic_link.opt_out_direct_marketing} renders a signed, expiring link for the
 * recipient of the message.
 */
public enum LinkAction {
    /** Subscribes to direct marketing ({@link Purpose#MARKETING}). */
    OPT_IN_DIRECT_MARKETING(Purpose.MARKETING, true, "Subscribe to our direct marketing list"),
    /** Unsubscribes from direct marketing. */
    OPT_OUT_DIRECT_MARKETING(Purpose.MARKETING, false, "Unsubscribe from our direct marketing list"),
    /** Subscribes to affiliate marketing ({@link Purpose#AFFILIATE_MARKETING}). */
    OPT_IN_AFFILIATE_MARKETING(Purpose.AFFILIATE_MARKETING, true, "Subscribe to our affiliate marketing list"),
    /** Unsubscribes from affiliate marketing. */
    OPT_OUT_AFFILIATE_MARKETING(Purpose.AFFILIATE_MARKETING, false, "Unsubscribe from our affiliate marketing list"),
    /**
     * Accepts the response to a service request: recorded as a {@link LinkResponse} of the message's
     * entity for the host platform to collect.
     */
    SERVICE_REQUEST_RESPONSE_ACCEPTANCE(null, false, "Accept the response to your service request");

    private final Purpose purpose;
    private final boolean optIn;
    private final String description;

    LinkAction(Purpose purpose, boolean optIn, String description) {
        this.purpose = purpose;
        this.optIn = optIn;
        this.description = description;
    }

    /** The tag field, e.g. {@code opt_out_direct_marketing}. */
    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The purpose whose consent the link changes; empty for actions that change no consent. */
    public Optional<Purpose> purpose() {
        return Optional.ofNullable(purpose);
    }

    /** True for an opt-in, false for an opt-out or an action that changes no consent. */
    public boolean optIn() {
        return optIn;
    }

    public String description() {
        return description;
    }

    /** The action of a tag field; empty when none has that name. */
    public static Optional<LinkAction> ofTag(String tag) {
        for (LinkAction action : values()) {
            if (action.tag().equals(tag)) {
                return Optional.of(action);
            }
        }
        return Optional.empty();
    }
}
