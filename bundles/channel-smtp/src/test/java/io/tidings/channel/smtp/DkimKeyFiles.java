package io.tidings.channel.smtp;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Arrays;
import java.util.Base64;

/** Key pairs made for a test: the private key as a PKCS#8 PEM file, the public key as its DNS TXT record. */
final class DkimKeyFiles {

    record Made(Path file, String dnsRecord) {
    }

    private DkimKeyFiles() {
    }

    static Made rsa(Path dir, int bits) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(bits);
        KeyPair pair = generator.generateKeyPair();
        return new Made(write(dir, "rsa-" + bits + ".pem", pair), "v=DKIM1; k=rsa; p="
                + Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()));
    }

    static Made ed25519(Path dir) throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        byte[] spki = pair.getPublic().getEncoded();
        // RFC 8463: the record holds the raw 32-byte public key, the end of its SubjectPublicKeyInfo
        byte[] raw = Arrays.copyOfRange(spki, spki.length - 32, spki.length);
        return new Made(write(dir, "ed25519.pem", pair), "v=DKIM1; k=ed25519; p=" + Base64.getEncoder().encodeToString(raw));
    }

    private static Path write(Path dir, String name, KeyPair pair) throws Exception {
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(pair.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        return Files.writeString(dir.resolve(name), pem);
    }
}
