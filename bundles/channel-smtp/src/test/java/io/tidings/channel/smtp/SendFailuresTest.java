package io.tidings.channel.smtp;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;

import javax.mail.Address;
import javax.mail.AuthenticationFailedException;
import javax.mail.MessagingException;
import javax.mail.SendFailedException;
import javax.mail.internet.AddressException;
import javax.mail.internet.InternetAddress;

import org.junit.Test;

import com.sun.mail.smtp.SMTPAddressFailedException;
import com.sun.mail.smtp.SMTPSendFailedException;

import io.tidings.api.channel.SendResult.Outcome;

/** The exceptions Jakarta Mail throws, as it chains them, mapped to outcomes. */
public class SendFailuresTest {

    private static final String ADDRESS = "olena.kovalenko@example.ua";

    @Test
    public void aRecipientRejectedWith5xxIsPermanentAndTheErrorOmitsTheAddress() throws Exception {
        SendFailures.Failure failure = SendFailures.classify(rejected(550, "550 5.1.1 <" + ADDRESS + ">: user unknown"));
        assertEquals(Outcome.PERMANENT_FAILURE, failure.result().outcome());
        assertEquals("recipient rejected by the server (550 5.1.1)", failure.result().error());
        assertFalse(failure.connectionProblem());
    }

    @Test
    public void aRecipientDeferredWith4xxIsTransient() throws Exception {
        SendFailures.Failure failure = SendFailures.classify(rejected(452, "452 4.2.2 mailbox full"));
        assertEquals(Outcome.TRANSIENT_FAILURE, failure.result().outcome());
        assertEquals("recipient rejected by the server (452 4.2.2)", failure.result().error());
    }

    @Test
    public void contentRejectedAfterDataIsPermanentButARefusedSenderIsTransient() throws Exception {
        Address[] none = new Address[0];
        SendFailures.Failure content = SendFailures.classify(new SMTPSendFailedException(".", 554,
                "554 5.7.1 message refused for " + ADDRESS, null, none, none, none));
        assertEquals(Outcome.PERMANENT_FAILURE, content.result().outcome());
        assertFalse(content.result().error(), content.result().error().contains(ADDRESS));

        SendFailures.Failure sender = SendFailures.classify(new SMTPSendFailedException("MAIL FROM:<shop@example.com>",
                553, "553 5.7.1 sender not allowed", null, none, none, none));
        assertEquals(Outcome.TRANSIENT_FAILURE, sender.result().outcome());
    }

    @Test
    public void serverClosingTheConnectionIsTransientAndRetryableOnAFreshOne() throws Exception {
        Address[] none = new Address[0];
        SendFailures.Failure closing = SendFailures.classify(new SMTPSendFailedException("MAIL FROM:<shop@example.com>",
                421, "421 4.4.2 idle timeout", null, none, none, none));
        assertEquals(Outcome.TRANSIENT_FAILURE, closing.result().outcome());
        assertTrue(closing.connectionDropped());

        SendFailures.Failure reset = SendFailures.classify(new MessagingException("Can't send command",
                new SocketException("Connection reset")));
        assertTrue(reset.connectionDropped());
    }

    @Test
    public void connectionProblemsAreTransientAndMakeTheChannelUnavailable() {
        for (Exception e : new Exception[] { new MessagingException("connect", new ConnectException("Connection refused")),
                new MessagingException("read", new SocketTimeoutException("Read timed out")),
                new AuthenticationFailedException("535 5.7.8 bad credentials") }) {
            SendFailures.Failure failure = SendFailures.classify(e);
            assertEquals(e.toString(), Outcome.TRANSIENT_FAILURE, failure.result().outcome());
            assertTrue(e.toString(), failure.connectionProblem());
            assertFalse("a timeout may come after the server took the message", failure.connectionDropped());
        }
    }

    @Test
    public void anUnparsableAddressIsPermanent() {
        assertEquals(Outcome.PERMANENT_FAILURE,
                SendFailures.unbuildable(new AddressException("Missing final '@domain'", "olena at example")).outcome());
        assertEquals("invalid recipient address",
                SendFailures.classify(new AddressException("Illegal address", ADDRESS)).result().error());
    }

    @Test
    public void freeTextLosesAddresses() {
        String scrubbed = SendFailures.scrub("user " + ADDRESS + " unknown, <a@b.c>");
        assertTrue(scrubbed, scrubbed.startsWith("user <address> unknown"));
        assertFalse(scrubbed, scrubbed.contains("@"));
    }

    private static SendFailedException rejected(int code, String reply) throws Exception {
        InternetAddress address = new InternetAddress(ADDRESS);
        SMTPAddressFailedException cause = new SMTPAddressFailedException(address, "RCPT TO:<" + ADDRESS + ">", code, reply);
        return new SendFailedException("Invalid Addresses", cause, new Address[0], new Address[0], new Address[] { address });
    }
}
