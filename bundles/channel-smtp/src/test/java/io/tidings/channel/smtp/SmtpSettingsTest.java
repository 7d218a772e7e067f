package io.tidings.channel.smtp;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.net.Socket;
import java.time.Duration;
import java.util.Properties;

import org.junit.Test;

public class SmtpSettingsTest {

    @Test
    public void theSenderMayCarryADisplayNameInAnyLanguage() {
        SmtpSettings settings = settings("Сервіс Київ <noreply@example.ua>", "shop", "s3cret");
        assertEquals("noreply@example.ua", settings.from().getAddress());
        assertEquals("Сервіс Київ", settings.from().getPersonal());
        assertEquals("example.ua", settings.senderDomain());
    }

    @Test
    public void badValuesAreRefusedNamingTheField() {
        expect("from:", () -> settings(null, null, null));
        expect("from:", () -> settings("Shop <not an address>", null, null));
        expect("host:", () -> new SmtpSettings(" ", 25, null, null, false, "a@b.c", Duration.ofSeconds(1), Duration.ofSeconds(1), 1));
        expect("port:", () -> new SmtpSettings("h", 0, null, null, false, "a@b.c", Duration.ofSeconds(1), Duration.ofSeconds(1), 1));
        expect("poolSize:", () -> new SmtpSettings("h", 25, null, null, false, "a@b.c", Duration.ofSeconds(1), Duration.ofSeconds(1), 0));
        expect("timeout:", () -> new SmtpSettings("h", 25, null, null, false, "a@b.c", Duration.ofSeconds(1), Duration.ZERO, 1));
    }

    @Test
    public void thePasswordStaysOutOfTextAndIsOnlyUsedWithAUserName() {
        SmtpSettings settings = settings("a@b.c", "shop", "s3cret");
        assertFalse(settings.toString(), settings.toString().contains("s3cret"));
        assertEquals("s3cret", settings.password());
        assertNull(settings("a@b.c", "", "s3cret").password());
    }

    @Test
    public void theSessionSendsOnSocketsWithoutNagleDelay() throws Exception {
        Properties props = settings("a@b.c", null, null).sessionProperties();
        assertSame(NoDelaySocketFactory.INSTANCE, props.get("mail.smtp.socketFactory"));
        try (Socket socket = NoDelaySocketFactory.INSTANCE.createSocket()) {
            assertTrue(socket.getTcpNoDelay());
        }
        assertEquals("false", props.getProperty("mail.smtp.auth"));
    }

    @Test
    public void connectingReadingAndWritingAreEachBoundedInTime() {
        Properties defaults = settings("a@b.c", null, null).sessionProperties();
        assertEquals("10000", defaults.getProperty("mail.smtp.connectiontimeout"));
        assertEquals("30000", defaults.getProperty("mail.smtp.timeout"));
        assertEquals("30000", defaults.getProperty("mail.smtp.writetimeout"));
        SmtpSettings configured = new SmtpSettings("h", 25, null, null, false, "a@b.c", Duration.ofSeconds(1),
                Duration.ofSeconds(2), Duration.ofMillis(2500), 1, Duration.ofSeconds(3));
        assertEquals("2500", configured.sessionProperties().getProperty("mail.smtp.writetimeout"));
        assertEquals(Duration.ofSeconds(3), configured.probeMaxDelay());
        expect("writeTimeout:", () -> new SmtpSettings("h", 25, null, null, false, "a@b.c", Duration.ofSeconds(1),
                Duration.ofSeconds(1), Duration.ZERO, 1, Duration.ofSeconds(1)));
        expect("probeMaxDelay:", () -> new SmtpSettings("h", 25, null, null, false, "a@b.c", Duration.ofSeconds(1),
                Duration.ofSeconds(1), Duration.ofSeconds(1), 1, Duration.ZERO));
    }

    private static SmtpSettings settings(String from, String user, String password) {
        return new SmtpSettings("smtp.example.com", 587, user, password, true, from, Duration.ofSeconds(10),
                Duration.ofSeconds(30), 2);
    }

    private static void expect(String prefix, Runnable action) {
        try {
            action.run();
            fail("expected a refusal starting with " + prefix);
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage(), e.getMessage().startsWith(prefix));
        }
    }
}
