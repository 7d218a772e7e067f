package io.tidings.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Base64;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.Test;

/**
 * DKIM in a real Karaf with a real SMTP server: keys made with openssl as the README shows, an SMTP
 * channel configured with {@code dkimDomain}, {@code dkimSelector} and {@code dkimKeyFile}, and what
 * GreenMail received verified by an independent verifier (Debian's dkimpy, the script channel-smtp's
 * tests use) for an RSA-2048 and an Ed25519 key.
 */
public class DkimIT extends SmtpTestSupport {

    private static final String DOMAIN = "example.com";
    private static final String SELECTOR = "mail2026";

    @Test
    public void mailSignedWithAnRsaKeyAndThenAnEd25519KeyVerifies() throws Exception {
        smtpChannel("plain");
        Path dir = Files.createTempDirectory("dkim-it");
        ok(api().put("/templates/dkim-ready", Api.json("{'key':'dkim-ready','name':'Замовлення готове',"
                + "'medium':'EMAIL','defaultLanguage':'uk','contents':{'uk':{'subject':'Замовлення #order.number готове',"
                + "'text':'Шановна #contact_information.name, ваше замовлення готове.'}}}")));
        ok(api().put("/rules/dkim-ready", Api.json("{'key':'dkim-ready','name':'Готове','event':'dkim.order_ready',"
                + "'templates':['dkim-ready']}")));

        Path rsa = dir.resolve("rsa.pem");
        openssl("genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", rsa.toString());
        signingChannel("dkim-rsa", rsa, 20);
        byte[] rsaSigned = send();
        assertTrue(ascii(rsaSigned), ascii(rsaSigned).contains("a=rsa-sha256; c=relaxed/relaxed; d=example.com; s=mail2026;"));
        assertEquals("pass", verify(rsaSigned, "v=DKIM1; k=rsa; p=" + Base64.getEncoder().encodeToString(publicKey(rsa))));

        Path ed25519 = dir.resolve("ed25519.pem");
        openssl("genpkey", "-algorithm", "ed25519", "-out", ed25519.toString());
        signingChannel("dkim-ed25519", ed25519, 30);
        byte[] edSigned = send();
        assertTrue(ascii(edSigned), ascii(edSigned).contains("a=ed25519-sha256;"));
        byte[] spki = publicKey(ed25519);
        // RFC 8463: the record holds the raw 32-byte key, the end of its SubjectPublicKeyInfo
        String record = "v=DKIM1; k=ed25519; p=" + Base64.getEncoder().encodeToString(
                Arrays.copyOfRange(spki, spki.length - 32, spki.length));
        assertEquals("pass", verify(edSigned, record));
        String changed = new String(edSigned, StandardCharsets.ISO_8859_1).replace("Subject:", "Subject: Re:");
        assertEquals("a changed subject fails", "fail", verify(changed.getBytes(StandardCharsets.ISO_8859_1), record));
    }

    /** The SMTP channel {@code smtp-<name>} to the test's server, signing with the key, before the others. */
    private void signingChannel(String name, Path key, int priority) throws Exception {
        org.osgi.service.cm.Configuration config = configurationAdmin.getFactoryConfiguration("io.tidings.channel.smtp",
                name, "?");
        Hashtable<String, Object> props = new Hashtable<>();
        props.put("host", "127.0.0.1");
        props.put("port", smtp.getSmtp().getPort());
        props.put("from", "Сервіс Київ <noreply@example.com>");
        props.put("channel.priority", priority);
        props.put("dkimDomain", DOMAIN);
        props.put("dkimSelector", SELECTOR);
        props.put("dkimKeyFile", key.toString());
        config.update(props);
        await().atMost(Duration.ofSeconds(60)).until(() -> channel("smtp-" + name) != null);
    }

    /** Posts an event for a new recipient; answers the bytes of the email the server received. */
    private byte[] send() throws Exception {
        String address = unique("olena") + "@example.ua";
        assertEquals(202, api().post("/events", Api.json("{'id':'" + unique("e") + "','type':'dkim.order_ready',"
                + "'occurredAt':'" + OffsetDateTime.now() + "','entity':{'type':'order','id':'" + unique("R") + "'},"
                + "'data':{'order':{'number':'R-17'},'contact_information':{'name':'Олена Коваленко','email':'"
                + address + "','preferred_language':'uk','consent':{'email':true}}}}")).status());
        await().atMost(Duration.ofSeconds(60)).until(() -> !Mails.to(smtp, address).isEmpty());
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        Mails.to(smtp, address).get(0).writeTo(raw);
        return raw.toByteArray();
    }

    private static byte[] publicKey(Path key) throws Exception {
        Path der = Files.createTempFile("dkim-public", ".der");
        openssl("pkey", "-in", key.toString(), "-pubout", "-outform", "DER", "-out", der.toString());
        return Files.readAllBytes(der);
    }

    private static void openssl(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(out, p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0);
    }

    /** @return "pass" or "fail", as the independent verifier says */
    private static String verify(byte[] message, String dnsRecord) throws Exception {
        Path record = Files.createTempFile("dkim-record", ".txt");
        Files.writeString(record, dnsRecord);
        Process p = new ProcessBuilder("/usr/bin/python3", System.getProperty("tidings.itest.dkim.verifier"),
                record.toString(), SELECTOR + "._domainkey." + DOMAIN + ".").redirectErrorStream(true).start();
        p.getOutputStream().write(message);
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertTrue("the verifier did not finish", p.waitFor(60, TimeUnit.SECONDS));
        return out;
    }

    private static String ascii(byte[] bytes) {
        return new String(bytes, StandardCharsets.US_ASCII);
    }

    private static void ok(Api.Response response) {
        assertTrue(response.raw(), response.status() == 200 || response.status() == 201);
    }
}
