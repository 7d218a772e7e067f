package io.tidings.channel.smpp;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Chooses the alphabet and splits a text into the parts an SMSC takes: GSM 03.38 7-bit when every
 * character fits (160 septets, or 153 per part of a long message, extension characters counting
 * twice), otherwise UCS-2 (70 characters, or 67 per part).
 */
public final class SmsEncoder {

    /** data_coding: the SMSC default alphabet (GSM 03.38). */
    public static final byte GSM7 = 0x00;
    /** data_coding: UCS-2. */
    public static final byte UCS2 = 0x08;

    static final int GSM_SINGLE = 160;
    static final int GSM_PART = 153;
    static final int UCS2_SINGLE = 70;
    static final int UCS2_PART = 67;

    /** One submit_sm's worth: its short_message bytes (with UDH when {@code udh}) and its place in the message. */
    public record Part(byte[] shortMessage, boolean udh, int sequence, int total, int reference) {
    }

    /** A text ready to submit. */
    public record Encoded(byte dataCoding, List<Part> parts, byte[] payload) {
        public boolean gsm7() {
            return dataCoding == GSM7;
        }
    }

    private SmsEncoder() {
    }

    /**
     * @param reference the concatenation reference shared by every part (only its low byte is used with UDH)
     */
    public static Encoded encode(String text, Concatenation concatenation, int reference) {
        boolean gsm = GsmAlphabet.septets(text) >= 0;
        List<String> chunks = gsm ? splitGsm(text) : splitUcs2(text);
        byte coding = gsm ? GSM7 : UCS2;
        if (concatenation == Concatenation.PAYLOAD && chunks.size() > 1) {
            return new Encoded(coding, List.of(), bytes(text, gsm));
        }
        List<Part> parts = new ArrayList<>(chunks.size());
        int total = chunks.size();
        if (total > SmppSettings.MOST_PARTS && concatenation != Concatenation.PAYLOAD) {
            // the header and the SAR TLVs count in one octet: part 256 would be numbered 0
            throw new IllegalArgumentException(total + " parts, more than the " + SmppSettings.MOST_PARTS
                    + " concatenation can number");
        }
        for (int i = 0; i < total; i++) {
            byte[] body = bytes(chunks.get(i), gsm);
            if (total > 1 && concatenation == Concatenation.UDH) {
                byte[] withHeader = new byte[6 + body.length];
                withHeader[0] = 0x05; // header length
                withHeader[1] = 0x00; // information element: concatenated message, 8-bit reference
                withHeader[2] = 0x03;
                withHeader[3] = (byte) reference;
                withHeader[4] = (byte) total;
                withHeader[5] = (byte) (i + 1);
                System.arraycopy(body, 0, withHeader, 6, body.length);
                parts.add(new Part(withHeader, true, i + 1, total, reference & 0xFF));
            } else {
                parts.add(new Part(body, false, i + 1, total, reference & 0xFFFF));
            }
        }
        return new Encoded(coding, parts, null);
    }

    /** The number of SMS parts the text takes (what an SMSC bills and a TPS limit counts). */
    public static int partCount(String text) {
        return GsmAlphabet.septets(text) >= 0 ? splitGsm(text).size() : splitUcs2(text).size();
    }

    private static byte[] bytes(String text, boolean gsm) {
        return gsm ? GsmAlphabet.encode(text) : text.getBytes(StandardCharsets.UTF_16BE);
    }

    static List<String> splitGsm(String text) {
        if (GsmAlphabet.septets(text) <= GSM_SINGLE) {
            return List.of(text);
        }
        List<String> chunks = new ArrayList<>();
        int start = 0;
        int used = 0;
        for (int i = 0; i < text.length(); i++) {
            int n = GsmAlphabet.septets(text.charAt(i));
            // an escape and its character never straddle two parts
            if (used + n > GSM_PART) {
                chunks.add(text.substring(start, i));
                start = i;
                used = 0;
            }
            used += n;
        }
        chunks.add(text.substring(start));
        return chunks;
    }

    static List<String> splitUcs2(String text) {
        if (text.length() <= UCS2_SINGLE) {
            return List.of(text);
        }
        List<String> chunks = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int end = Math.min(start + UCS2_PART, text.length());
            // a surrogate pair (an emoji) never straddles two parts
            if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
                end--;
            }
            chunks.add(text.substring(start, end));
            start = end;
        }
        return chunks;
    }
}
