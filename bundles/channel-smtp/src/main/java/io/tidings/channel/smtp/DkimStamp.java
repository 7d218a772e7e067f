package io.tidings.channel.smtp;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.time.Clock;

import javax.mail.MessagingException;
import javax.mail.Session;

import com.sun.mail.smtp.SMTPMessage;

/**
 * Signs the composed messages of one SMTP account. A key that cannot be read is read again with
 * the next message, so a key file put right takes effect without a configuration change; until
 * then each message fails with the reason and the channel's state names it.
 */
final class DkimStamp {

    private final DkimSigner signer;
    private final Session session;
    private volatile PrivateKey key;
    private volatile String broken;

    DkimStamp(DkimSettings settings, Session session) {
        this.signer = new DkimSigner(settings, Clock.systemUTC());
        this.session = session;
        load();
    }

    /** Why the key cannot be used, or null. */
    String broken() {
        return broken;
    }

    /**
     * @return the message as signed, to be sent as it is (its transport must not change it)
     * @throws DkimKeys.UnusableKeyException when the key cannot be read
     */
    SMTPMessage sign(SMTPMessage message) throws DkimKeys.UnusableKeyException, MessagingException,
            GeneralSecurityException {
        PrivateKey current = key != null ? key : load();
        if (current == null) {
            throw new DkimKeys.UnusableKeyException(broken);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        try {
            message.writeTo(out);
        } catch (IOException e) {
            throw new MessagingException("cannot serialise the message: " + e.getMessage(), e);
        }
        byte[] signed = signer.sign(DkimSigner.crlf(out.toByteArray()), current);
        SMTPMessage parsed = new SMTPMessage(session, new ByteArrayInputStream(signed));
        parsed.setEnvelopeFrom(message.getEnvelopeFrom());
        return parsed;
    }

    private synchronized PrivateKey load() {
        if (key == null) {
            try {
                key = DkimKeys.read(signer.settings().keyFile());
                broken = null;
            } catch (DkimKeys.UnusableKeyException e) {
                broken = e.getMessage();
            }
        }
        return key;
    }
}
