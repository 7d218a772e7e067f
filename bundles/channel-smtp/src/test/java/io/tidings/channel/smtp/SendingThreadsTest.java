package io.tidings.channel.smtp;

import static io.tidings.channel.smtp.SmtpChannelTest.UK_SUBJECT;
import static io.tidings.channel.smtp.SmtpChannelTest.UK_TEXT;
import static io.tidings.channel.smtp.SmtpChannelTest.assertSent;
import static io.tidings.channel.smtp.SmtpChannelTest.email;
import static io.tidings.channel.smtp.SmtpChannelTest.freePort;
import static io.tidings.channel.smtp.SmtpChannelTest.send;
import static io.tidings.channel.smtp.SmtpChannelTest.settings;
import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;

import com.icegreen.greenmail.util.ServerSetup;

import io.tidings.api.channel.OutboundMessage;
import io.tidings.api.channel.SendResult;
import io.tidings.api.channel.SendResult.Outcome;

/**
 * What an Error on a sending thread does to the channel, against a real SMTP server (GreenMail):
 * the worker loop is the real one, the Error comes from a step the pool runs before composing.
 */
public class SendingThreadsTest {

    private RejectingGreenMail smtp;
    private final List<SmtpChannel> channels = new ArrayList<>();

    @Before
    public void startServer() throws IOException {
        smtp = new RejectingGreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    @After
    public void stopServer() {
        channels.forEach(SmtpChannel::close);
        smtp.stop();
    }

    @Test
    public void anOutOfMemoryErrorFailsThatSendTransientlyAndTheThreadsGoOnSending() throws Exception {
        SmtpChannel channel = channel(2, Thread::new, message -> {
            if (message.communicationId().startsWith("c-oom")) {
                throw new OutOfMemoryError("Java heap space");
            }
        });
        // more Errors than threads: before, two of them ended both threads and nothing was sent again
        for (int i = 0; i < 3; i++) {
            SendResult result = send(channel, email("c-oom-" + i, "olena@example.ua", null, UK_SUBJECT, UK_TEXT, null, "uk"));
            assertEquals(Outcome.TRANSIENT_FAILURE, result.outcome());
            // handled on the thread that sent it, which stays
            assertEquals("unexpected OutOfMemoryError: Java heap space", result.error());
        }
        assertTrue(channel.state().detail(), channel.state().available());
        assertSent(send(channel, email("c-ok", "olena@example.ua", null, UK_SUBJECT, UK_TEXT, null, "uk")));
        assertEquals(1, smtp.getReceivedMessages().length);
    }

    @Test
    public void aSendingThreadThatEndsIsReplacedAndItsMessageCompleted() throws Exception {
        SmtpChannel channel = channel(1, Thread::new, message -> {
            if (message.communicationId().startsWith("c-fatal")) {
                throw new UnreportableError();
            }
        });
        SendResult lost = send(channel, email("c-fatal", "olena@example.ua", null, UK_SUBJECT, UK_TEXT, null, "uk"));
        assertEquals(Outcome.TRANSIENT_FAILURE, lost.outcome());
        assertTrue(lost.error(), lost.error().startsWith("sending thread lost: java.lang.OutOfMemoryError"));
        assertSent(send(channel, email("c-ok", "olena@example.ua", null, UK_SUBJECT, UK_TEXT, null, "uk")));
        assertTrue(channel.state().detail(), channel.state().available());
    }

    @Test
    public void aChannelWhoseThreadsAreGoneSaysSoFailsWhatItIsGivenAndRecovers() throws Exception {
        AtomicInteger made = new AtomicInteger();
        java.util.concurrent.atomic.AtomicBoolean refuse = new java.util.concurrent.atomic.AtomicBoolean(true);
        ThreadFactory twoThreadsOnly = r -> {
            if (made.incrementAndGet() > 2 && refuse.get()) {
                throw new OutOfMemoryError("unable to create native thread");
            }
            return new Thread(r);
        };
        SmtpChannel channel = channel(2, twoThreadsOnly, message -> {
            if (message.communicationId().startsWith("c-fatal")) {
                throw new UnreportableError();
            }
        });
        for (int i = 0; i < 2; i++) {
            SendResult lost = send(channel, email("c-fatal-" + i, "olena@example.ua", null, UK_SUBJECT, UK_TEXT, null, "uk"));
            assertEquals(Outcome.TRANSIENT_FAILURE, lost.outcome());
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> !channel.state().available());
        assertTrue(channel.state().detail(), channel.state().detail().startsWith("no sending thread left"));

        // the engine's in-flight slot is released: the future completes, nothing is sent
        SendResult refused = send(channel, email("c-after", "olena@example.ua", null, UK_SUBJECT, UK_TEXT, null, "uk"));
        assertEquals(Outcome.TRANSIENT_FAILURE, refused.outcome());
        assertTrue(refused.error(), refused.error().startsWith("no sending thread left"));
        assertEquals(0, smtp.getReceivedMessages().length);
        assertFalse(channel.state().available());

        // the engine sends nothing to an unavailable channel: it starts a thread again by itself once it can
        refuse.set(false);
        await().atMost(Duration.ofSeconds(20)).until(() -> channel.state().available());
        assertSent(send(channel, email("c-back", "olena@example.ua", null, UK_SUBJECT, UK_TEXT, null, "uk")));
        assertEquals(1, smtp.getReceivedMessages().length);
    }

    /** An Error that cannot even be described: handling it fails as well, so the thread ends. */
    private static final class UnreportableError extends Error {
        private static final long serialVersionUID = 1L;

        @Override
        public String getMessage() {
            throw new OutOfMemoryError("Java heap space");
        }
    }

    private SmtpChannel channel(int poolSize, ThreadFactory threads, java.util.function.Consumer<OutboundMessage> beforeSend) {
        SmtpChannel channel = new SmtpChannel("smtp-threads", settings(smtp.getSmtp().getPort(), poolSize),
                new SenderPool.Seams(threads, beforeSend));
        channels.add(channel);
        return channel;
    }
}
