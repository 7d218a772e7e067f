package io.tidings.channel.smtp;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.Assume;

/**
 * An independent DKIM verifier: Debian's python3-dkim (dkimpy; Ed25519 through python3-nacl),
 * given the selector's TXT record by a DNS look-up function of the test's own.
 */
final class DkimVerifier {

    private static final String PYTHON = "/usr/bin/python3";
    /** The verifier script, shared with the Karaf test (itests' DkimIT runs the same file). */
    private static final String SCRIPT = script();

    private DkimVerifier() {
    }

    private static String script() {
        try (var in = DkimVerifier.class.getResourceAsStream("dkim-verify.py")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Skips the test where python3-dkim (or python3-nacl) is not installed. */
    static void assumeInstalled() throws Exception {
        boolean present = Files.isExecutable(Path.of(PYTHON)) && new ProcessBuilder(PYTHON, "-c", "import dkim, nacl")
                .redirectErrorStream(true).start().waitFor() == 0;
        Assume.assumeTrue("python3-dkim and python3-nacl are not installed", present);
    }

    /** @return "pass" or "fail" with what the verifier said */
    static String verify(byte[] message, String selector, String domain, String dnsRecord) throws Exception {
        Path record = Files.createTempFile("dkim-record", ".txt");
        Files.writeString(record, dnsRecord);
        Process p = new ProcessBuilder(PYTHON, "-c", SCRIPT, record.toString(), selector + "._domainkey." + domain + ".")
                .redirectErrorStream(true).start();
        p.getOutputStream().write(message);
        p.getOutputStream().close();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        p.getInputStream().transferTo(out);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the DKIM verifier did not finish");
        }
        return out.toString(StandardCharsets.UTF_8).trim();
    }
}
