package io.tidings.core.dispatch;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.tidings.api.Medium;
import io.tidings.api.channel.Attachment;
import io.tidings.api.template.Template;
import io.tidings.api.template.TemplateAttachment;
import io.tidings.api.template.TemplateContent;
import io.tidings.core.dispatch.AttachmentResolver.AttachmentException;

/** Attachment URLs against real HTTP servers on loopback. */
public class AttachmentResolverTest {

    private static final byte[] PDF = "%PDF-1.4 facture".getBytes(StandardCharsets.UTF_8);

    private HttpServer server;
    private ExecutorService handlers;
    /** The Host header of every request the server received. */
    private final Queue<String> hosts = new ConcurrentLinkedQueue<>();

    @Before
    public void serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        handlers = Executors.newCachedThreadPool();
        server.setExecutor(handlers);
        server.createContext("/invoice.pdf", exchange -> answer(exchange, 200, PDF));
        server.createContext("/hop/", exchange -> {
            int left = Integer.parseInt(exchange.getRequestURI().getPath().substring("/hop/".length()));
            if (left == 0) {
                answer(exchange, 200, PDF);
            } else {
                redirect(exchange, "/hop/" + (left - 1));
            }
        });
        server.createContext("/to-metadata", exchange -> redirect(exchange,
                "http://169.254.169.254/latest/meta-data/iam?token=secret"));
        server.createContext("/trickle", exchange -> {
            exchange.sendResponseHeaders(200, 100);
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < 100; i++) {
                    out.write('x');
                    out.flush();
                    TimeUnit.MILLISECONDS.sleep(200);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        server.createContext("/endless", exchange -> {
            exchange.sendResponseHeaders(200, 0); // chunked, no length announced
            try (OutputStream out = exchange.getResponseBody()) {
                byte[] block = new byte[4096];
                while (true) {
                    out.write(block);
                }
            }
        });
        server.start();
    }

    @After
    public void stop() {
        server.stop(0);
        handlers.shutdownNow();
    }

    @Test
    public void loopbackIsRefusedByDefault() {
        AttachmentException e = assertThrows(AttachmentException.class,
                () -> resolver(List.of()).resolve(template(url("/invoice.pdf?customer=jane.doe@example.com")), Map.of()));
        assertFalse(e.transientFailure());
        assertEquals("attachment 'invoice.pdf': http://127.0.0.1:" + port() + "/… is an internal address "
                + "(127.0.0.0/8); allow it with attachmentAllowedHosts", e.getMessage());
        assertTrue("no request may reach the server", hosts.isEmpty());
    }

    @Test
    public void loopbackIsFetchedWhenAllowedByAddressRangeOrName() throws Exception {
        for (String allowed : List.of("127.0.0.1", "127.0.0.0/8", "::ffff:127.0.0.0/104")) {
            List<Attachment> files = resolver(List.of(allowed)).resolve(template(url("/invoice.pdf")), Map.of());
            assertArrayEquals(allowed, PDF, files.get(0).content());
            assertEquals("application/pdf", files.get(0).contentType());
        }
        List<Attachment> byName = resolver(List.of("localhost"))
                .resolve(template("http://localhost:" + port() + "/invoice.pdf"), Map.of());
        assertArrayEquals(PDF, byName.get(0).content());
    }

    @Test
    public void aPublicLookingNameThatResolvesToLoopbackIsRefused() {
        AttachmentResolver resolver = new AttachmentResolver(1024 * 1024, Duration.ofSeconds(5),
                new AddressPolicy(List.of(), AttachmentResolverTest::files));
        AttachmentException e = assertThrows(AttachmentException.class,
                () -> resolver.resolve(template("http://files.example.com:" + port() + "/invoice.pdf"), Map.of()));
        assertFalse(e.transientFailure());
        assertEquals("attachment 'invoice.pdf': http://files.example.com:" + port() + "/… is an internal address "
                + "(127.0.0.1) (127.0.0.0/8); allow it with attachmentAllowedHosts", e.getMessage());
        assertTrue(hosts.isEmpty());
    }

    @Test
    public void anAllowedNameIsFetchedFromTheAddressCheckedWithItsHostHeader() throws Exception {
        AttachmentResolver resolver = new AttachmentResolver(1024 * 1024, Duration.ofSeconds(5),
                new AddressPolicy(List.of("files.example.com"), AttachmentResolverTest::files));
        List<Attachment> files = resolver.resolve(template("http://files.example.com:" + port() + "/invoice.pdf"),
                Map.of());
        assertArrayEquals(PDF, files.get(0).content());
        assertEquals(List.of("files.example.com:" + port()), List.copyOf(hosts));
    }

    @Test
    public void aRedirectFromAnAllowedServerToARefusedAddressIsRefused() {
        AttachmentException e = assertThrows(AttachmentException.class,
                () -> resolver(List.of("127.0.0.1")).resolve(template(url("/to-metadata")), Map.of()));
        assertFalse(e.transientFailure());
        assertEquals("attachment 'invoice.pdf': http://169.254.169.254/… is an internal address (169.254.0.0/16); "
                + "allow it with attachmentAllowedHosts", e.getMessage());
    }

    @Test
    public void threeRedirectsAreFollowedAndAFourthIsRefused() throws Exception {
        AttachmentResolver resolver = resolver(List.of("127.0.0.1"));
        assertArrayEquals(PDF, resolver.resolve(template(url("/hop/3")), Map.of()).get(0).content());
        AttachmentException e = assertThrows(AttachmentException.class,
                () -> resolver.resolve(template(url("/hop/4")), Map.of()));
        assertFalse(e.transientFailure());
        assertTrue(e.getMessage(), e.getMessage().endsWith("redirects more than 3 times"));
    }

    @Test
    public void onlyHttpAndHttpsAreFetched() {
        for (String url : List.of("file:///etc/passwd", "ftp://files.example.com/invoice.pdf", "jar:file:/x!/y")) {
            AttachmentException e = assertThrows(AttachmentException.class,
                    () -> resolver(List.of()).resolve(template(url), Map.of()));
            assertFalse(url, e.transientFailure());
            assertTrue(e.getMessage(), e.getMessage().contains("is not an http or https URL"));
        }
    }

    @Test
    public void aBodyTrickledSlowerThanTheDeadlineFailsWithinIt() {
        AttachmentResolver resolver = new AttachmentResolver(1024 * 1024, Duration.ofSeconds(1), List.of("127.0.0.1"));
        // the deadline, not the server, ended it: the body kept trickling
        AttachmentException e = assertThrows(AttachmentException.class,
                () -> resolver.resolve(template(url("/trickle")), Map.of()));
        assertTrue(e.getMessage(), e.transientFailure());
        assertTrue(e.getMessage(), e.getMessage().contains("took longer than 1 s"));
    }

    @Test
    public void aBodyOverTheCapFailsWhileReading() {
        AttachmentResolver resolver = new AttachmentResolver(64 * 1024, Duration.ofSeconds(20), List.of("127.0.0.1"));
        // the body never ends: only a cap enforced while reading stops it (the deadline is 20 s away)
        AttachmentException e = assertThrows(AttachmentException.class,
                () -> resolver.resolve(template(url("/endless")), Map.of()));
        assertFalse(e.getMessage(), e.transientFailure());
        assertTrue(e.getMessage(), e.getMessage().endsWith("is larger than 65536 bytes"));
    }

    private AttachmentResolver resolver(List<String> allowedHosts) {
        return new AttachmentResolver(1024 * 1024, Duration.ofSeconds(5), allowedHosts);
    }

    /** A name that looks public and points at this test's loopback server, as a rebinding DNS would. */
    private static InetAddress[] files(String host) throws UnknownHostException {
        if (!host.equals("files.example.com")) {
            throw new UnknownHostException(host);
        }
        return new InetAddress[] {InetAddress.getByAddress(host, new byte[] {127, 0, 0, 1})};
    }

    private static Template template(String url) {
        return new Template("bill", "Bill", Medium.EMAIL, "fr", Map.of("fr", new TemplateContent("Facture",
                "<p>Votre facture</p>", null)), 0, List.of(new TemplateAttachment("invoice.pdf", url, null, null,
                false, null)));
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port() + path;
    }

    private int port() {
        return server.getAddress().getPort();
    }

    private void answer(HttpExchange exchange, int status, byte[] body) throws IOException {
        hosts.add(exchange.getRequestHeaders().getFirst("Host"));
        exchange.getResponseHeaders().set("Content-Type", "application/pdf");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private void redirect(HttpExchange exchange, String location) throws IOException {
        hosts.add(exchange.getRequestHeaders().getFirst("Host"));
        exchange.getResponseHeaders().set("Location", location);
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }
}
