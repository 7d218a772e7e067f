package io.tidings.channel.smtp;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.activation.DataHandler;
import javax.mail.MessagingException;
import javax.mail.Multipart;
import javax.mail.Part;
import javax.mail.Session;
import javax.mail.internet.ContentType;
import javax.mail.internet.InternetAddress;
import javax.mail.internet.MimeMessage;
import javax.mail.internet.MimePart;
import javax.mail.internet.MimeUtility;
import javax.mail.util.ByteArrayDataSource;

import com.sun.mail.smtp.SMTPMessage;

import org.apache.commons.mail.Email;
import org.apache.commons.mail.EmailAttachment;
import org.apache.commons.mail.EmailException;
import org.apache.commons.mail.HtmlEmail;
import org.apache.commons.mail.SimpleEmail;

import io.tidings.api.channel.Attachment;
import io.tidings.api.channel.OutboundMessage;

/**
 * Builds the MIME message with commons-email: HTML with its text alternative when there is HTML,
 * plain text otherwise, UTF-8 throughout. Sending is not commons-email's job here: it would open a
 * connection per message. Call with the mail bundle as the thread context class loader.
 */
final class MessageComposer {

    private static final String UTF_8 = StandardCharsets.UTF_8.name();

    private final Session session;
    private final InternetAddress from;
    private final String messageIdDomain;
    private final SmtpSettings settings;

    MessageComposer(Session session, SmtpSettings settings) {
        this.session = session;
        this.settings = settings;
        this.from = settings.from();
        this.messageIdDomain = settings.messageIdDomain();
    }

    /**
     * @throws EmailException     when the message cannot be built (e.g. an invalid recipient address)
     * @throws MessagingException likewise, from Jakarta Mail
     */
    SMTPMessage compose(OutboundMessage message) throws EmailException, MessagingException {
        return compose(message, false);
    }

    /**
     * @param eightBit the message goes to a server that announced 8BITMIME: text parts that are
     *                 8-bit safe are written as they are ({@code 8bit}), not encoded and then
     *                 converted back by the transport
     */
    SMTPMessage compose(OutboundMessage message, boolean eightBit) throws EmailException, MessagingException {
        String messageId = "<" + UUID.randomUUID() + "." + token(message.communicationId()) + "@" + messageIdDomain + ">";
        Email email;
        boolean hasHtml = message.html() != null && !message.html().isBlank();
        if (hasHtml || !message.attachments().isEmpty()) {
            HtmlEmail html = new IdentifiedHtmlEmail(messageId);
            html.setCharset(UTF_8);
            if (hasHtml) {
                html.setHtmlMsg(message.html());
            }
            if (message.text() != null && !message.text().isBlank()) {
                html.setTextMsg(message.text());
            } else if (!hasHtml) {
                throw new EmailException("the message has neither text nor HTML");
            }
            // inline images in multipart/related with the HTML, attachments in multipart/mixed around it
            for (Attachment file : message.attachments()) {
                ByteArrayDataSource source = new ByteArrayDataSource(file.content(), file.contentType());
                source.setName(file.filename());
                if (file.inline()) {
                    html.embed(source, file.filename(), file.contentId());
                } else {
                    html.attach(source, file.filename(), null, EmailAttachment.ATTACHMENT);
                }
            }
            email = html;
        } else {
            if (message.text() == null || message.text().isEmpty()) {
                throw new EmailException("the message has neither text nor HTML");
            }
            email = new IdentifiedSimpleEmail(messageId);
            email.setCharset(UTF_8);
            email.setMsg(message.text());
        }
        email.setMailSession(session);
        email.setFrom(from.getAddress(), from.getPersonal(), UTF_8);
        email.addTo(message.recipient(), blankToNull(message.recipientName()), UTF_8);
        email.setSubject(message.subject() == null ? "" : message.subject());
        String replyTo = message.replyTo() != null ? message.replyTo() : settings.replyTo();
        if (replyTo != null) {
            email.addReplyTo(replyTo);
        }
        email.buildMimeMessage();
        SMTPMessage mime = (SMTPMessage) email.getMimeMessage();
        mime.setEnvelopeFrom(settings.envelopeSender(message.communicationId()));
        if (message.language() != null && !message.language().isBlank()) {
            mime.setHeader("Content-Language", message.language());
        }
        String unsubscribe = message.unsubscribeUrl();
        if (unsubscribe != null && (unsubscribe.startsWith("https://") || unsubscribe.startsWith("http://"))) {
            // one-click unsubscribe (RFC 8058): mail clients show it, large mailbox providers expect it on bulk mail
            mime.setHeader("List-Unsubscribe", "<" + unsubscribe + ">");
            mime.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        fromBytes(mime, eightBit);
        // Transport.sendMessage does not save changes itself (Transport.send would): headers and Message-ID are set here.
        mime.saveChanges();
        return mime;
    }

    /**
     * Gives every text part its encoded bytes as its content. A part holding a String is read, when
     * Jakarta Mail checks it for 8BITMIME or encodes it, through a pipe fed by a thread started for
     * each read, a kilobyte at a time: most of an email's send time on a fast server. Bytes are
     * read directly; the part's type and charset stay as built. With {@code eightBit}, a part whose
     * bytes are 8-bit safe (no NUL, no line over 998 bytes, as Jakarta Mail's own conversion
     * requires) is marked {@code 8bit} here, once, instead of being encoded, decoded and
     * checked again by the transport.
     */
    static void fromBytes(Part message, boolean eightBit) throws MessagingException {
        for (Part part : texts(message)) {
            Object content;
            try {
                content = part.getContent();
            } catch (java.io.IOException e) {
                continue; // left as built
            }
            // the type as set with the content: the part's headers are written by saveChanges, after this
            ContentType type = new ContentType(part.getDataHandler().getContentType());
            Charset charset = charset(type.getParameter("charset"));
            if (content instanceof String text && charset != null) {
                byte[] bytes = text.getBytes(charset);
                part.setDataHandler(new DataHandler(new ByteArrayDataSource(bytes, type.toString())));
                if (eightBit && eightBitSafe(bytes)) {
                    part.setHeader("Content-Transfer-Encoding", "8bit");
                }
            }
        }
    }

    /** The text parts of a message, its files (attached or inline) left out: their bytes are their own already. */
    private static List<Part> texts(Part part) throws MessagingException {
        List<Part> texts = new ArrayList<>();
        collectTexts(part, texts);
        return texts;
    }

    private static void collectTexts(Part part, List<Part> texts) throws MessagingException {
        if (part.getFileName() != null || Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            return;
        }
        // by the type the content was set with: headers are written only by saveChanges
        ContentType type = new ContentType(part.getDataHandler().getContentType());
        if (type.match("multipart/*")) {
            Object content;
            try {
                content = part.getContent();
            } catch (java.io.IOException e) {
                return; // left as built
            }
            if (content instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    collectTexts(multipart.getBodyPart(i), texts);
                }
            }
        } else if (type.match("text/*")) {
            texts.add(part);
        }
    }

    /** The charset of a MIME name, or null when the JVM has none by that name. */
    private static Charset charset(String mimeName) {
        if (mimeName == null) {
            return null;
        }
        try {
            return Charset.forName(MimeUtility.javaCharset(mimeName));
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    /** Whether the bytes need 8 bits and may go as they are: no NUL, no line longer than 998 bytes. */
    static boolean eightBitSafe(byte[] bytes) {
        boolean high = false;
        int line = 0;
        for (byte b : bytes) {
            if (b == '\r' || b == '\n') {
                line = 0;
                continue;
            }
            if (b == 0 || ++line > 998) {
                return false;
            }
            high |= b < 0;
        }
        return high;
    }

    /**
     * Undoes {@code 8bit} for a server without 8BITMIME (a reconnection reached another one): the
     * parts are encoded again as Jakarta Mail chooses.
     */
    static void sevenBit(MimeMessage mime) throws MessagingException {
        boolean changed = false;
        for (Part part : texts(mime)) {
            if (part instanceof MimePart text && "8bit".equalsIgnoreCase(text.getEncoding())) {
                part.removeHeader("Content-Transfer-Encoding");
                changed = true;
            }
        }
        if (changed) {
            mime.saveChanges();
        }
    }

    /** The communication id in a Message-ID, reduced to characters a Message-ID may carry. */
    private static String token(String communicationId) {
        if (communicationId == null || communicationId.isEmpty()) {
            return "tidings";
        }
        String token = communicationId.replaceAll("[^A-Za-z0-9._-]", "");
        return token.isEmpty() ? "tidings" : token.length() > 64 ? token.substring(0, 64) : token;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /**
     * Jakarta Mail's own Message-ID needs the local host name (a DNS lookup, and a meaningless
     * domain); ours is unique, names the sender's domain and traces back to the communication.
     */
    private static final class IdentifiedMimeMessage extends SMTPMessage {
        private final String messageId;

        IdentifiedMimeMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }

    private static final class IdentifiedHtmlEmail extends HtmlEmail {
        private final String messageId;

        IdentifiedHtmlEmail(String messageId) {
            this.messageId = messageId;
        }

        @Override
        protected MimeMessage createMimeMessage(Session session) {
            return new IdentifiedMimeMessage(session, messageId);
        }
    }

    private static final class IdentifiedSimpleEmail extends SimpleEmail {
        private final String messageId;

        IdentifiedSimpleEmail(String messageId) {
            this.messageId = messageId;
        }

        @Override
        protected MimeMessage createMimeMessage(Session session) {
            return new IdentifiedMimeMessage(session, messageId);
        }
    }
}
