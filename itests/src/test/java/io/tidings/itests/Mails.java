package io.tidings.itests;

import java.util.Arrays;
import java.util.List;

import javax.mail.internet.MimeMessage;
import javax.mail.internet.MimeMultipart;

import com.icegreen.greenmail.util.GreenMail;

/** What a GreenMail server in the container received, read as a test reads it. */
final class Mails {

    private Mails() {
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
