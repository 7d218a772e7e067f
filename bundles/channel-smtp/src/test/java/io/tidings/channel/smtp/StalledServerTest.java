package io.tidings.channel.smtp;

import static io.tidings.channel.smtp.SmtpChannelTest.email;
import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;

import io.tidings.api.channel.SendResult;
import io.tidings.api.channel.SendResult.Outcome;

/**
 * A server that takes the connection and the envelope, answers DATA and then never reads again:
 * the message's bytes fill the socket buffers and the write blocks. The read timeout does not
 * cover that; the write timeout does.
 */
public class StalledServerTest {

    private ServerSocket server;
    private final List<Socket> accepted = new CopyOnWriteArrayList<>();
    private final List<String> commands = new CopyOnWriteArrayList<>();
    private SmtpChannel channel;

    @Before
    public void start() throws IOException {
        server = new ServerSocket();
        // a small window: the client's writes block after a few buffers
        server.setReceiveBufferSize(4096);
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        Thread acceptor = new Thread(this::serve, "stalling-smtp");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    @After
    public void stop() throws IOException {
        if (channel != null) {
            channel.close();
        }
        server.close();
        for (Socket socket : accepted) {
            socket.close();
        }
    }

    @Test
    public void aServerThatStopsReadingDuringDataFailsTheSendTransientlyWithinTheWriteTimeout() throws Exception {
        // a read timeout beyond the test's patience: only the write timeout can end this send in time
        SmtpSettings settings = new SmtpSettings("127.0.0.1", server.getLocalPort(), null, null, false,
                "noreply@example.com", Duration.ofSeconds(5), Duration.ofSeconds(60), Duration.ofSeconds(1), 1,
                Duration.ofSeconds(1));
        channel = new SmtpChannel("smtp-stalled", settings);
        // far more than the socket buffers of both ends hold
        StringBuilder text = new StringBuilder();
        while (text.length() < 12 * 1024 * 1024) {
            text.append("Your order R-17 is ready, line ").append(text.length()).append('\n');
        }
        CompletableFuture<SendResult> result = channel.send(email("c-stall", "olena@example.ua", null, "Stalled",
                text.toString(), null, "uk")).toCompletableFuture();

        await().atMost(Duration.ofSeconds(30)).until(result::isDone);
        SendResult outcome = result.get();
        assertEquals(String.valueOf(outcome.error()), Outcome.TRANSIENT_FAILURE, outcome.outcome());
        assertTrue(outcome.error(), outcome.error().contains("timed out"));
        assertTrue("the stall was in DATA: " + commands, commands.contains("DATA"));
    }

    private void serve() {
        try {
            while (true) {
                Socket socket = server.accept();
                accepted.add(socket);
                Thread session = new Thread(() -> converse(socket), "stalling-smtp-session");
                session.setDaemon(true);
                session.start();
            }
        } catch (IOException e) {
            // closed by the test
        }
    }

    private void converse(Socket socket) {
        try {
            OutputStream out = socket.getOutputStream();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            reply(out, "220 stalling ESMTP");
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
                commands.add(command);
                switch (command) {
                    case "EHLO", "HELO" -> reply(out, "250 stalling");
                    case "MAIL", "RCPT", "RSET", "NOOP" -> reply(out, "250 OK");
                    case "DATA" -> {
                        reply(out, "354 go ahead");
                        // and never read again
                        return;
                    }
                    case "QUIT" -> {
                        reply(out, "221 bye");
                        return;
                    }
                    default -> reply(out, "502 not implemented");
                }
            }
        } catch (IOException e) {
            // the client gave up
        }
    }

    private static void reply(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }
}
