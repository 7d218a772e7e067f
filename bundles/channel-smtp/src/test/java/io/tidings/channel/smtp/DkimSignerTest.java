package io.tidings.channel.smtp;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.Test;

/** Canonicalisation (RFC 6376 3.4) and reading keys; signatures are verified by an independent verifier in DkimSigningTest. */
public class DkimSignerTest {

    /** The example of RFC 6376 3.4.5. */
    @Test
    public void relaxedCanonicalisationMatchesTheRfcExample() {
        List<String> fields = DkimSigner.fields("A: X\r\nB : Y\t\r\n\tZ  \r\n");
        assertEquals(List.of("A: X", "B : Y\t\r\n\tZ  "), fields);
        assertEquals("a:X", DkimSigner.relaxedHeader(fields.get(0)));
        assertEquals("b:Y Z", DkimSigner.relaxedHeader(fields.get(1)));
        assertEquals(" C\r\nD E\r\n", DkimSigner.relaxedBody(" C \r\nD \t E\r\n\r\n\r\n"));
    }

    @Test
    public void anEmptyBodyStaysEmptyAndAMissingFinalLineEndIsAdded() {
        assertEquals("", DkimSigner.relaxedBody(""));
        assertEquals("", DkimSigner.relaxedBody("\r\n\r\n"));
        assertEquals("Hej\r\n", DkimSigner.relaxedBody("Hej"));
    }

    @Test
    public void bareLineEndsBecomeCrlfAsTheTransportSendsThem() {
        assertEquals("a\r\nb\r\nc\r\nd", new String(DkimSigner.crlf("a\nb\rc\r\nd".getBytes(StandardCharsets.US_ASCII)),
                StandardCharsets.US_ASCII));
    }

    @Test
    public void keysThatCannotBeUsedAreRefusedWithTheReason() throws Exception {
        Path dir = Files.createTempDirectory("dkim");
        assertRefused(dir.resolve("missing.pem"), "cannot be read: NoSuchFileException");
        Path pkcs1 = Files.writeString(dir.resolve("rsa.pem"), "-----BEGIN RSA PRIVATE KEY-----\nMIIB\n-----END RSA PRIVATE KEY-----\n");
        assertRefused(pkcs1, "this is PKCS#1");
        Path garbage = Files.writeString(dir.resolve("garbage.pem"), "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");
        assertRefused(garbage, "holds neither an RSA nor an Ed25519 private key");
        Path shortKey = DkimKeyFiles.rsa(dir, 512).file();
        assertRefused(shortKey, "an RSA key of 512 bits is too short");
    }

    @Test
    public void settingsNameTheMissingKey() {
        assertEquals(null, DkimSettings.of("", " ", null, null));
        try {
            DkimSettings.of("example.com", "mail", "", null);
            throw new AssertionError("accepted without a key file");
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage(), e.getMessage().startsWith("dkimKeyFile: is required"));
        }
        try {
            DkimSettings.of("example.com", "mail", "/k.pem", new String[] {"Subject", "To"});
            throw new AssertionError("accepted without From");
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage(), e.getMessage().startsWith("dkimHeaders: must include From"));
        }
        assertEquals(List.of("From", "Subject", "Date"),
                DkimSettings.of("Example.COM", "mail", "/k.pem", new String[] {"From:Subject", "Date"}).headers());
    }

    private static void assertRefused(Path file, String reason) {
        try {
            DkimKeys.read(file);
            throw new AssertionError(file + " was accepted");
        } catch (DkimKeys.UnusableKeyException e) {
            assertTrue(e.getMessage(), e.getMessage().contains(reason));
        }
    }
}
