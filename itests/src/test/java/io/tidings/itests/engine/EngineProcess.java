package io.tidings.itests.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.tidings.api.BusinessEvent;
import io.tidings.api.EntityRef;
import io.tidings.api.Medium;
import io.tidings.api.Purpose;
import io.tidings.api.rule.NotificationRule;
import io.tidings.api.template.Template;
import io.tidings.api.template.TemplateContent;
import io.tidings.core.dispatch.Backoff;
import io.tidings.core.dispatch.Dispatcher;
import io.tidings.store.jdbc.Dialect;

/**
 * The engine in a JVM of its own, for the fault tests that kill it with {@code kill -9}: the real
 * store (an H2 file or PostgreSQL), rules, templates and SMTP channel, as the engine tests wire them,
 * taking events over HTTP ({@code POST /events} with an event id as the body, answered 202 once the
 * event is durable, as the REST API answers).
 *
 * <p>Arguments: JDBC URL, node name, SMTP port, HTTP port and, optionally, the URL of a webhook of
 * {@code communication.status} to register and post to. Prints {@code ready} when it takes events.
 */
public final class EngineProcess {

    /** The order-ready email every event makes: its subject carries the event id. */
    public static final String SUBJECT_PREFIX = "Замовлення ";
    /** The reminder a booking makes a minute before it starts: its subject carries the booking id. */
    public static final String REMINDER_PREFIX = "Нагадування ";

    private EngineProcess() {
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        javax.sql.DataSource dataSource;
        Dialect dialect;
        if (url.startsWith("jdbc:h2:")) {
            org.h2.jdbcx.JdbcDataSource h2 = new org.h2.jdbcx.JdbcDataSource();
            h2.setURL(url + ";WRITE_DELAY=0");
            h2.setUser("sa");
            dataSource = h2;
            dialect = new Dialect.H2();
        } else {
            org.postgresql.ds.PGSimpleDataSource pg = new org.postgresql.ds.PGSimpleDataSource();
            pg.setURL(url);
            pg.setUser("postgres");
            dataSource = pg;
            dialect = new Dialect.PostgreSql();
        }
        Dispatcher.Settings settings = new Dispatcher.Settings(50, 100, 100, Duration.ofMinutes(2),
                Duration.ofMillis(100), new Backoff(Duration.ofMillis(200), Duration.ofSeconds(2), 0.2));
        Engine engine = new Engine(settings, null, dataSource, dialect, args[1]);
        if (engine.store.templates().template("crash-ready").isEmpty()) {
            engine.save(new Template("crash-ready", "Order ready", Medium.EMAIL, "uk", Map.of("uk",
                    new TemplateContent(SUBJECT_PREFIX + "#order.number готове",
                            "<p>Шановна #contact_information.name, ваше замовлення готове.</p>", null)), 0));
            engine.save(new NotificationRule("crash-ready", "Order ready", "order.status_changed", "ready", List.of(),
                    null, List.of("crash-ready"), List.of("contact_information"), Purpose.TRANSACTIONAL, null, true));
        }
        if (engine.store.templates().template("crash-reminder").isEmpty()) {
            engine.save(new Template("crash-reminder", "Booking reminder", Medium.EMAIL, "uk", Map.of("uk",
                    new TemplateContent(REMINDER_PREFIX + "#contact_information.name", "<p>До зустрічі!</p>", null)), 0));
            engine.save(new NotificationRule("crash-reminder", "Reminder", "booking.confirmed", null, List.of(), null,
                    List.of("crash-reminder"), List.of(), Purpose.TRANSACTIONAL, null, true,
                    new io.tidings.api.rule.Reminder("booking.start_at", Duration.ofMinutes(1), null, null), false, null,
                    null, null));
        }
        engine.addChannel(Engine.smtp("smtp-main", Integer.parseInt(args[2])), "smtp-main", "EMAIL", 0);
        if (args.length > 4) {
            CrashWebhooks.start(engine.store.webhooks(), args[4]);
        }

        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[3])), 64);
        server.createContext("/events", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                String id = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
                engine.ingest.submit(new BusinessEvent(id, "order.status_changed", OffsetDateTime.now(), null,
                        new EntityRef("order", id), Map.of("order", Map.of("number", id, "status", "ready"),
                                "contact_information", Map.of("name", "Олена Пчілка", "email", "olena@example.com",
                                        "preferred_language", "uk", "consent", Map.of("email", true)))));
                answer(exchange, 202, "accepted");
            } catch (RuntimeException e) {
                answer(exchange, 500, e.toString());
            }
        });
        // a booking event: "<event id> <confirmed|rescheduled|cancelled> <booking id> <start, ISO-8601>"
        server.createContext("/bookings", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                String[] f = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim().split(" ");
                Map<String, Object> booking = f.length > 3 ? Map.of("status", f[1], "start_at", f[3])
                        : Map.of("status", f[1]);
                engine.ingest.submit(new BusinessEvent(f[0], "booking." + f[1], OffsetDateTime.now(), null,
                        new EntityRef("booking", f[2]), Map.of("booking", booking, "contact_information",
                                Map.of("name", f[2], "email", "ida@example.dk", "preferred_language", "uk",
                                        "consent", Map.of("email", true)))));
                answer(exchange, 202, "accepted");
            } catch (RuntimeException e) {
                answer(exchange, 500, e.toString());
            }
        });
        // how many communications are still being sent (SENDING): a test that reads the record after a
        // kill waits for none, or a send whose email arrived but whose SENT is not yet written reads SENDING
        server.createContext("/sending", exchange -> {
            try {
                answer(exchange, 200, Long.toString(engine.store.record().countByStatus()
                        .getOrDefault(io.tidings.api.CommunicationStatus.SENDING, 0L)));
            } catch (RuntimeException e) {
                answer(exchange, 500, e.toString());
            }
        });
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.start();
        System.out.println("ready");
        System.out.flush();
        Thread.currentThread().join();
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
