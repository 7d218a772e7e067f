package io.tidings.channel.smtp;

/**
 * What a message in the bounce mailbox says about a sent one.
 *
 * @param kind              a hard bounce, a soft bounce or a complaint
 * @param recipient         the address it is about (the DSN's final recipient, the complaint's original recipient); null when it names none
 * @param diagnostic        the status and diagnostic code of a bounce ({@code 5.1.1 smtp; 550 5.1.1 user unknown}),
 *                          the feedback type of a complaint ({@code abuse})
 * @param messageId         the Message-ID of the returned message, when the report includes its headers; else null
 * @param communicationId   the communication a VERP return path names; else null
 */
record BounceReport(Kind kind, String recipient, String diagnostic, String messageId, String communicationId) {

    enum Kind {
        /** Undeliverable for good (a 5.x.x status): the communication is BOUNCED and the address suppressed. */
        HARD,
        /** Undeliverable for now (a 4.x.x status, or delayed): counted, nothing else. */
        SOFT,
        /** The recipient reported the message as unwanted (an ARF feedback report). */
        COMPLAINT
    }
}
