package io.tidings.channel.smtp;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * DKIM signing (RFC 6376) with relaxed/relaxed canonicalisation, rsa-sha256 or ed25519-sha256
 * (RFC 8463), on the JDK's own cryptography. It signs the bytes that go on the wire: the message
 * as serialised, line ends made CRLF as the SMTP transport would make them.
 */
final class DkimSigner {

    private static final byte[] CRLF = {'\r', '\n'};

    private final DkimSettings settings;
    private final Clock clock;

    DkimSigner(DkimSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    DkimSettings settings() {
        return settings;
    }

    /**
     * @param message the serialised message, line ends CRLF ({@link #crlf})
     * @return the message with its DKIM-Signature field in front
     */
    byte[] sign(byte[] message, PrivateKey key) throws GeneralSecurityException {
        int split = headerEnd(message);
        List<String> fields = fields(new String(message, 0, split, StandardCharsets.ISO_8859_1));
        byte[] body = split + 2 <= message.length ? java.util.Arrays.copyOfRange(message, split + 2, message.length)
                : new byte[0];
        String bodyHash = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                .digest(relaxedBody(new String(body, StandardCharsets.ISO_8859_1)).getBytes(StandardCharsets.ISO_8859_1)));

        StringBuilder signed = new StringBuilder();
        List<String> names = new ArrayList<>();
        boolean[] used = new boolean[fields.size()];
        for (String name : settings.headers()) {
            // the last instance not yet signed, as verifiers pick them (RFC 6376 5.4.2)
            for (int i = fields.size() - 1; i >= 0; i--) {
                if (!used[i] && name(fields.get(i)).equalsIgnoreCase(name)) {
                    used[i] = true;
                    names.add(name);
                    signed.append(relaxedHeader(fields.get(i))).append("\r\n");
                    break;
                }
            }
        }
        String field = "DKIM-Signature: v=1; a=" + DkimKeys.algorithm(key) + "; c=relaxed/relaxed; d="
                + settings.domain() + "; s=" + settings.selector() + "; t=" + clock.instant().getEpochSecond()
                + ";\r\n\th=" + String.join(":", names) + ";\r\n\tbh=" + bodyHash + ";\r\n\tb=";
        signed.append(relaxedHeader(field));
        byte[] data = signed.toString().getBytes(StandardCharsets.ISO_8859_1);
        byte[] signature;
        if (DkimKeys.algorithm(key).equals("rsa-sha256")) {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key);
            rsa.update(data);
            signature = rsa.sign();
        } else {
            // RFC 8463: Ed25519 signs the SHA-256 hash of the canonicalised header data
            Signature ed = Signature.getInstance("Ed25519");
            ed.initSign(key);
            ed.update(MessageDigest.getInstance("SHA-256").digest(data));
            signature = ed.sign();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(message.length + field.length() + 400);
        out.writeBytes((field + Base64.getEncoder().encodeToString(signature)).getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(CRLF);
        out.writeBytes(message);
        return out.toByteArray();
    }

    /** Bare LF and bare CR become CRLF, as the SMTP transport sends them. */
    static byte[] crlf(byte[] in) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length + 64);
        for (int i = 0; i < in.length; i++) {
            byte b = in[i];
            if (b == '\r') {
                out.write('\r');
                out.write('\n');
                if (i + 1 < in.length && in[i + 1] == '\n') {
                    i++;
                }
            } else if (b == '\n') {
                out.write('\r');
                out.write('\n');
            } else {
                out.write(b);
            }
        }
        return out.toByteArray();
    }

    /** Where the header ends: the index of the CRLF that makes the empty line, or the length when there is none. */
    private static int headerEnd(byte[] m) {
        for (int i = 0; i + 3 < m.length; i++) {
            if (m[i] == '\r' && m[i + 1] == '\n' && m[i + 2] == '\r' && m[i + 3] == '\n') {
                return i + 2;
            }
        }
        return m.length;
    }

    /** The header fields, each with its folded continuation lines and without its final CRLF. */
    static List<String> fields(String header) {
        List<String> fields = new ArrayList<>();
        for (String line : header.split("\r\n")) {
            if (line.isEmpty()) {
                continue;
            }
            if ((line.charAt(0) == ' ' || line.charAt(0) == '\t') && !fields.isEmpty()) {
                fields.set(fields.size() - 1, fields.get(fields.size() - 1) + "\r\n" + line);
            } else {
                fields.add(line);
            }
        }
        return fields;
    }

    private static String name(String field) {
        int colon = field.indexOf(':');
        return (colon < 0 ? field : field.substring(0, colon)).replaceAll("[ \t]+$", "");
    }

    /** RFC 6376 3.4.2: lower-case name, unfolded value, runs of WSP as one space, none around the colon or at the end. */
    static String relaxedHeader(String field) {
        int colon = field.indexOf(':');
        String value = field.substring(colon + 1).replace("\r\n", "").replaceAll("[ \t]+", " ").replaceAll("^ | $", "");
        return name(field).toLowerCase(java.util.Locale.ROOT) + ":" + value;
    }

    /** RFC 6376 3.4.4: runs of WSP as one space, none at line ends, no empty lines at the end, a final CRLF. */
    static String relaxedBody(String body) {
        String[] lines = body.split("\r\n", -1);
        int last = lines.length;
        List<String> canonical = new ArrayList<>(lines.length);
        for (String line : lines) {
            canonical.add(line.replaceAll("[ \t]+", " ").replaceAll(" $", ""));
        }
        while (last > 0 && canonical.get(last - 1).isEmpty()) {
            last--;
        }
        StringBuilder out = new StringBuilder(body.length());
        for (int i = 0; i < last; i++) {
            out.append(canonical.get(i)).append("\r\n");
        }
        return out.toString();
    }
}
