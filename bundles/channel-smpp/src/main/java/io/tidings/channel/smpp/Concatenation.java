package io.tidings.channel.smpp;

/** How a text longer than one SMS reaches the SMSC. */
public enum Concatenation {
    /** One submit_sm per part, each starting with a concatenation user data header (esm_class UDHI). */
    UDH,
    /** One submit_sm per part with the sar_msg_ref_num, sar_total_segments and sar_segment_seqnum TLVs. */
    SAR,
    /** One submit_sm carrying the whole text in the message_payload TLV; the SMSC splits it. */
    PAYLOAD
}
