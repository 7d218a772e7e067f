package io.tidings.template.velocity.sms;

import io.tidings.api.template.SmsInfo;

/**
 * The encoding, length and number of parts of an SMS text, as an SMSC counts them: GSM 03.38 with
 * its extension table when every character is in it, else UCS-2. A split message carries a 6-byte
 * header in each part, which leaves 153 septets (67 UCS-2 units), and a part never ends in the
 * middle of an escape sequence or a surrogate pair.
 */
public final class SmsLength {

    private static final String BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001bÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String EXTENSION = "^{}\\[~]|€\f";

    private SmsLength() {
    }

    public static SmsInfo of(String text) {
        String s = text == null ? "" : text;
        if (isGsm(s)) {
            int septets = 0;
            for (int i = 0; i < s.length(); i++) {
                septets += EXTENSION.indexOf(s.charAt(i)) >= 0 ? 2 : 1;
            }
            return new SmsInfo(SmsInfo.GSM_7, septets, septets <= 160 ? 1 : gsmParts(s));
        }
        int units = s.length();
        return new SmsInfo(SmsInfo.UCS_2, units, units <= 70 ? 1 : ucs2Parts(s));
    }

    static boolean isGsm(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (BASIC.indexOf(c) < 0 && EXTENSION.indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

    private static int gsmParts(String s) {
        int parts = 1;
        int used = 0;
        for (int i = 0; i < s.length(); i++) {
            int width = EXTENSION.indexOf(s.charAt(i)) >= 0 ? 2 : 1;
            if (used + width > 153) {
                parts++;
                used = 0;
            }
            used += width;
        }
        return parts;
    }

    private static int ucs2Parts(String s) {
        int parts = 1;
        int used = 0;
        for (int i = 0; i < s.length(); i++) {
            int width = Character.isHighSurrogate(s.charAt(i)) && i + 1 < s.length()
                    && Character.isLowSurrogate(s.charAt(i + 1)) ? 2 : 1;
            if (used + width > 67) {
                parts++;
                used = 0;
            }
            used += width;
            i += width - 1;
        }
        return parts;
    }
}
