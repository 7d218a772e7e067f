package io.tidings.itests;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Arrays;
import java.util.Hashtable;
import java.util.List;

import javax.mail.internet.MimeMessage;
import javax.mail.internet.MimeMultipart;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/** What a GreenMail server in the container received, read as a test reads it. */
final class Mails {

    private Mails() {
    }

    /** A GreenMail SMTP server on a free loopback port, started. */
    static GreenMail startSmtp() {
        GreenMail smtp = new GreenMail(new ServerSetup(TidingsTestSupport.freePort(), "127.0.0.1",
                ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        return smtp;
    }

    /**
     * The SMTP channel {@code smtp-<name>} sending to the server, at priority 10 (before the devbox),
     * configured unless it is already, and bound.
     */
    static void smtpChannel(TidingsTestSupport test, GreenMail smtp, String name) throws Exception {
        org.osgi.service.cm.Configuration config = test.configurationAdmin
                .getFactoryConfiguration("io.tidings.channel.smtp", name, "?");
        if (config.getProperties() == null) {
            Hashtable<String, Object> props = new Hashtable<>();
            props.put("host", "127.0.0.1");
            props.put("port", smtp.getSmtp().getPort());
            props.put("from", "Tidings Test <noreply@tidings.test>");
            props.put("channel.priority", 10);
            config.update(props);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> test.channel("smtp-" + name) != null);
    }

    /** The messages the server received for an address. */
    static List<MimeMessage> to(GreenMail smtp, String address) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().contains(address));
            } catch (Exception e) {
                return false;
            }
        }).toList();
    }

    /** The decoded text of every part; javax.mail finds its content handlers through the context class loader. */
    static String bodyOf(MimeMessage message) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(MimeMessage.class.getClassLoader());
        try {
            return decodedBody(message);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static String decodedBody(MimeMessage message) {
        try {
            Object content = message.getContent();
            if (content instanceof MimeMultipart multipart) {
                StringBuilder all = new StringBuilder();
                collect(multipart, all);
                return all.toString();
            }
            return content.toString();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static void collect(MimeMultipart multipart, StringBuilder all) throws Exception {
        for (int i = 0; i < multipart.getCount(); i++) {
            Object part = multipart.getBodyPart(i).getContent();
            if (part instanceof MimeMultipart nested) {
                collect(nested, all);
            } else {
                all.append(part).append('\n');
            }
        }
    }
}
