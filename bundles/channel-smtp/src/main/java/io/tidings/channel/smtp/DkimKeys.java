package io.tidings.channel.smtp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/** Reads a DKIM private key: PKCS#8 PEM ({@code -----BEGIN PRIVATE KEY-----}), RSA or Ed25519. */
final class DkimKeys {

    /** A key that cannot be used, with the reason as an operator can act on it (no key material). */
    static final class UnusableKeyException extends Exception {
        private static final long serialVersionUID = 1L;

        UnusableKeyException(String message) {
            super(message);
        }
    }

    private static final String BEGIN = "-----BEGIN PRIVATE KEY-----";
    private static final String END = "-----END PRIVATE KEY-----";

    private DkimKeys() {
    }

    static PrivateKey read(Path file) throws UnusableKeyException {
        String pem;
        try {
            if (Files.size(file) > 64 * 1024) {
                throw new UnusableKeyException("dkimKeyFile " + file + " is not a key: larger than 64 KB");
            }
            pem = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UnusableKeyException("dkimKeyFile " + file + " cannot be read: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()));
        }
        return parse(pem, file.toString());
    }

    static PrivateKey parse(String pem, String where) throws UnusableKeyException {
        int begin = pem.indexOf(BEGIN);
        int end = pem.indexOf(END);
        if (begin < 0 || end < begin) {
            String hint = pem.contains("BEGIN RSA PRIVATE KEY") ? " (this is PKCS#1: convert it with "
                    + "openssl pkcs8 -topk8 -nocrypt)" : pem.contains("ENCRYPTED") ? " (it is encrypted)" : "";
            throw new UnusableKeyException("dkimKeyFile " + where + " is not an unencrypted PKCS#8 PEM private key"
                    + hint);
        }
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(pem.substring(begin + BEGIN.length(), end));
        } catch (IllegalArgumentException e) {
            throw new UnusableKeyException("dkimKeyFile " + where + ": the PEM body is not Base64");
        }
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(der);
        for (String algorithm : new String[] {"RSA", "Ed25519"}) {
            try {
                PrivateKey key = KeyFactory.getInstance(algorithm).generatePrivate(spec);
                if (key instanceof RSAPrivateKey rsa && rsa.getModulus().bitLength() < 1024) {
                    throw new UnusableKeyException("dkimKeyFile " + where + ": an RSA key of "
                            + rsa.getModulus().bitLength() + " bits is too short (at least 1024, 2048 recommended)");
                }
                return key;
            } catch (GeneralSecurityException e) {
                // not this algorithm: try the next
            }
        }
        throw new UnusableKeyException("dkimKeyFile " + where + " holds neither an RSA nor an Ed25519 private key");
    }

    /** The {@code a=} tag for the key. */
    static String algorithm(PrivateKey key) {
        return key instanceof RSAPrivateKey ? "rsa-sha256" : "ed25519-sha256";
    }
}
