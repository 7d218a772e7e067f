package io.tidings.api;

/** Why a message is sent: decides which consent applies. */
public enum Purpose {
    /** About something the customer did or owns (an order, a booking, a bill): needs channel consent. */
    TRANSACTIONAL,
    /** Promotion (direct marketing): needs channel consent and marketing opt-in. */
    MARKETING,
    /**
     * Promotion on behalf of partners (affiliate marketing): needs channel consent and an opt-in of
     * its own ({@code consent.affiliate_marketing}, or a Tidings opt-in link).
     */
    AFFILIATE_MARKETING
}
