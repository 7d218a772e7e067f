package io.tidings.channel.smpp;

import java.io.ByteArrayOutputStream;

/**
 * The GSM 03.38 default alphabet and its extension table, as unpacked septets (one per octet), the
 * form SMPP carries with data_coding 0. A character of the extension table is sent as the escape
 * septet 0x1B followed by its code, so it counts twice towards the 160/153 limits.
 */
final class GsmAlphabet {

    static final int ESCAPE = 0x1B;

    private static final String BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001BÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

    /** Extension characters and their codes after the escape. */
    private static final String EXTENSION_CHARS = "\f^{}\\[~]|€";
    private static final int[] EXTENSION_CODES = {0x0A, 0x14, 0x28, 0x29, 0x2F, 0x3C, 0x3D, 0x3E, 0x40, 0x65};

    private GsmAlphabet() {
    }

    /** Septets needed for the character, 0 when it is not in the alphabet. */
    static int septets(char c) {
        if (c != ESCAPE && BASIC.indexOf(c) >= 0) {
            return 1;
        }
        return EXTENSION_CHARS.indexOf(c) >= 0 ? 2 : 0;
    }

    /** Septets for the whole text, or -1 when a character is not in the alphabet. */
    static int septets(CharSequence text) {
        int total = 0;
        for (int i = 0; i < text.length(); i++) {
            int n = septets(text.charAt(i));
            if (n == 0) {
                return -1;
            }
            total += n;
        }
        return total;
    }

    /** Unpacked septets; the caller has checked that every character fits. */
    static byte[] encode(CharSequence text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int basic = c == ESCAPE ? -1 : BASIC.indexOf(c);
            if (basic >= 0) {
                out.write(basic);
                continue;
            }
            int ext = EXTENSION_CHARS.indexOf(c);
            if (ext < 0) {
                throw new IllegalArgumentException("character U+" + Integer.toHexString(c) + " is not in GSM 03.38");
            }
            out.write(ESCAPE);
            out.write(EXTENSION_CODES[ext]);
        }
        return out.toByteArray();
    }

    /** The text of unpacked septets. */
    static String decode(byte[] septets, int offset, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = offset; i < offset + length; i++) {
            int code = septets[i] & 0x7F;
            if (code == ESCAPE && i + 1 < offset + length) {
                int next = septets[++i] & 0x7F;
                char ext = '?';
                for (int k = 0; k < EXTENSION_CODES.length; k++) {
                    if (EXTENSION_CODES[k] == next) {
                        ext = EXTENSION_CHARS.charAt(k);
                    }
                }
                text.append(ext);
            } else {
                text.append(BASIC.charAt(code));
            }
        }
        return text.toString();
    }
}
