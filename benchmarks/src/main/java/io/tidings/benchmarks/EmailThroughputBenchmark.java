package io.tidings.benchmarks;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;

import javax.mail.Message;
import javax.mail.Session;
import javax.mail.Transport;
import javax.mail.internet.InternetAddress;
import javax.mail.internet.MimeBodyPart;
import javax.mail.internet.MimeMessage;
import javax.mail.internet.MimeMultipart;
import javax.net.SocketFactory;

import io.tidings.api.Medium;
import io.tidings.api.template.Template;
import io.tidings.api.template.TemplateContent;
import io.tidings.channel.smtp.SmtpChannel;
import io.tidings.channel.smtp.SmtpSettings;

/**
 * Emails per second from event to SMTP server, Tidings against the bare library: the same
 * Ukrainian HTML email (with a text alternative) sent to an SMTP server on loopback that discards
 * what it receives, once by Jakarta Mail loops over {@code connections} reused connections (a thread
 * each), once through Tidings (event ingest by {@value #CALLERS} concurrent callers as over HTTP,
 * rule, durable queue on H2, rendering, dispatch, SMTP channel with {@code connections} pooled
 * connections), on 1 and 4 connections. Run with {@code benchmarks/run email [messages] [connections: 1,4]}.
 */
public final class EmailThroughputBenchmark {

    private static final String SUBJECT = "Ваше замовлення #order.number готове";
    private static final String PARAGRAPH = "<p>Шановна #contact_information.name, ваше замовлення #order.number "
            + "готове. Забрати його можна в #location.name з 9:00 до 18:00. Дякуємо, що обрали нас!</p>\n";

    /** Callers posting events at once, as the HTTP ingest benchmark's connections. */
    static final int CALLERS = 16;

    public static void main(String[] args) throws Exception {
        int messages = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 5_000;
        int[] connections = java.util.Arrays.stream((args.length > 1 ? args[1] : "1,4").split(","))
                .mapToInt(Integer::parseInt).toArray();
        String html = PARAGRAPH.repeat(20);
        Machine.print();
        System.out.printf("%,d emails of about %,d characters of Ukrainian HTML with a text part, to a discarding "
                + "SMTP server on loopback%n", messages, html.length() * 2);
        System.out.println("| connections | bare Jakarta Mail emails/s | Tidings emails/s (ingest → SMTP) | ratio |");
        System.out.println("|---|---|---|---|");
        try (DiscardingSmtpServer server = new DiscardingSmtpServer()) {
            for (int n : connections) {
                bare(server, 500, html, n); // warm-up
                double bare = bare(server, messages, html, n);
                tidings(server, 500, html, "warm" + n, n); // warm-up
                double tidings = tidings(server, messages, html, "run" + n, n);
                System.out.printf("| %d | %,.0f | %,.0f | %.2f |%n", n, bare, tidings, tidings / bare);
            }
        }
    }

    /** The bare library: {@code connections} threads, each building messages and sending them over its open connection. */
    private static double bare(DiscardingSmtpServer server, int messages, String htmlTemplate, int connections)
            throws Exception {
        long before = server.messages();
        long start = System.nanoTime();
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(connections);
        try {
            java.util.List<java.util.concurrent.Future<?>> running = new java.util.ArrayList<>();
            for (int t = 0; t < connections; t++) {
                int first = t;
                running.add(threads.submit(() -> {
                    bareConnection(server, messages, htmlTemplate, first, connections);
                    return null;
                }));
            }
            for (java.util.concurrent.Future<?> f : running) {
                f.get();
            }
        } finally {
            threads.shutdown();
        }
        awaitCount(server, before + messages);
        return messages / ((System.nanoTime() - start) / 1e9);
    }

    /** One connection's share: messages {@code first}, {@code first + step}, … */
    private static void bareConnection(DiscardingSmtpServer server, int messages, String htmlTemplate, int first,
            int step) throws Exception {
        Properties props = new Properties();
        props.put("mail.smtp.host", "127.0.0.1");
        props.put("mail.smtp.port", Integer.toString(server.port()));
        props.put("mail.smtp.socketFactory", new NoDelay());
        props.put("mail.smtp.socketFactory.fallback", "false");
        Session session = Session.getInstance(props);
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect();
            for (int i = first; i < messages; i += step) {
                String name = "Олена Коваленко " + i;
                String html = htmlTemplate.replace("#contact_information.name", name).replace("#order.number", "O-" + i)
                        .replace("#location.name", "Сервіс на Хрещатику");
                MimeMessage message = new MimeMessage(session);
                message.setFrom(new InternetAddress("noreply@tidings.test", "Tidings"));
                InternetAddress to = new InternetAddress("client" + i + "@example.com", name, "UTF-8");
                message.setRecipient(Message.RecipientType.TO, to);
                message.setSubject(SUBJECT.replace("#order.number", "O-" + i), "UTF-8");
                MimeMultipart alternative = new MimeMultipart("alternative");
                MimeBodyPart text = new MimeBodyPart();
                text.setText(html.replaceAll("<[^>]+>", ""), "UTF-8");
                MimeBodyPart htmlPart = new MimeBodyPart();
                htmlPart.setContent(html, "text/html; charset=UTF-8");
                alternative.addBodyPart(text);
                alternative.addBodyPart(htmlPart);
                message.setContent(alternative);
                message.saveChanges();
                transport.sendMessage(message, new InternetAddress[] {to});
            }
        }
    }

    /** Tidings from ingest to the server: the engine's real parts wired as in Karaf. */
    private static double tidings(DiscardingSmtpServer server, int messages, String html, String run, int connections)
            throws Exception {
        Template template = new Template("ready", "Order ready", Medium.EMAIL, "uk",
                Map.of("uk", new TemplateContent(SUBJECT, html, null)), 0);
        try (BenchEngine engine = new BenchEngine(template);
                SmtpChannel smtp = new SmtpChannel("smtp-bench", new SmtpSettings("127.0.0.1", server.port(), null, null,
                        false, "Tidings <noreply@tidings.test>", Duration.ofSeconds(5), Duration.ofSeconds(30), connections))) {
            engine.addChannel(smtp, "smtp-bench", "EMAIL");
            engine.start();
            long before = server.messages();
            long start = System.nanoTime();
            java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
            java.util.concurrent.ExecutorService callers = java.util.concurrent.Executors.newFixedThreadPool(CALLERS);
            try {
                java.util.List<java.util.concurrent.Future<?>> posting = new java.util.ArrayList<>();
                for (int t = 0; t < CALLERS; t++) {
                    posting.add(callers.submit(() -> {
                        for (int i = next.getAndIncrement(); i < messages; i = next.getAndIncrement()) {
                            engine.submit(run + "-" + i, i, Map.of("name", "Олена Коваленко " + i,
                                    "email", "client" + i + "@example.com", "preferred_language", "uk",
                                    "consent", Map.of("email", true)));
                        }
                        return null;
                    }));
                }
                for (java.util.concurrent.Future<?> f : posting) {
                    f.get();
                }
            } finally {
                callers.shutdown();
            }
            double ingestSeconds = (System.nanoTime() - start) / 1e9;
            awaitCount(server, before + messages);
            double seconds = (System.nanoTime() - start) / 1e9;
            if (!run.startsWith("warm")) {
                System.out.printf("  Tidings on %d connection(s): accepting the %,d events (%d callers, each event "
                        + "durably committed before its caller is answered): %.1f s (%,.0f events/s); last email after "
                        + "%.1f s%n", connections, messages, CALLERS, ingestSeconds, messages / ingestSeconds, seconds);
            }
            return messages / seconds;
        }
    }

    private static void awaitCount(DiscardingSmtpServer server, long count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (server.messages() < count) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("only " + server.messages() + " of " + count + " emails arrived");
            }
            Thread.sleep(1);
        }
    }

    /** Sockets with TCP_NODELAY, as the SMTP channel uses: without it every message stalls on Nagle's algorithm. */
    public static final class NoDelay extends SocketFactory {
        private final SocketFactory plain = SocketFactory.getDefault();

        @Override
        public Socket createSocket() throws IOException {
            Socket s = plain.createSocket();
            s.setTcpNoDelay(true);
            return s;
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return noDelay(plain.createSocket(host, port));
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress local, int localPort) throws IOException {
            return noDelay(plain.createSocket(host, port, local, localPort));
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return noDelay(plain.createSocket(host, port));
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress local, int localPort) throws IOException {
            return noDelay(plain.createSocket(address, port, local, localPort));
        }

        private static Socket noDelay(Socket socket) throws IOException {
            socket.setTcpNoDelay(true);
            return socket;
        }
    }
}
