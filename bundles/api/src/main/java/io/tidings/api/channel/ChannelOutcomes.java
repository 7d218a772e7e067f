package io.tidings.api.channel;

/**
 * What one channel's sent messages came to over a period, from the record.
 *
 * @param channel    the channel name
 * @param sent       messages it sent in the period (SENT, DELIVERED or BOUNCED by now)
 * @param bounced    of those, the ones BOUNCED
 * @param complained addresses it sent to in the period that are now suppressed for a complaint
 *                   made in the period
 */
public record ChannelOutcomes(String channel, long sent, long bounced, long complained) {

    /** Bounced per sent, 0 when nothing was sent. */
    public double bounceRate() {
        return sent == 0 ? 0 : (double) bounced / sent;
    }

    /** Complained per sent, 0 when nothing was sent. */
    public double complaintRate() {
        return sent == 0 ? 0 : (double) complained / sent;
    }
}
