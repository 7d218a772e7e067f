package io.tidings.channel.httpsms;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

import io.tidings.api.channel.DeliveryFeedback;

/** The delivery-report servlet in a real servlet container (Jetty 9.4, as Pax Web runs it), called over HTTP. */
public class DeliveryReportServletTest {

    private static final String TOKEN = "k4Qm9-Zr2Lw7-Xb8Nc3-Vt6Hs";
    private static final String PATH = HttpSmsChannelComponent.CALLBACK_PATH + "httpsms-test";

    private final List<String> delivered = new CopyOnWriteArrayList<>();
    private final List<io.tidings.api.inbound.InboundMessage> received = new CopyOnWriteArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();
    private Server jetty;
    private String base;

    @Before
    public void start() throws Exception {
        DeliveryFeedback feedback = new DeliveryFeedback() {
            @Override
            public boolean delivered(String channelName, String providerMessageId) {
                return delivered.add(channelName + "/" + providerMessageId);
            }

            @Override
            public boolean failed(String channelName, String providerMessageId, String reason) {
                return true;
            }
        };
        jetty = new Server();
        ServerConnector connector = new ServerConnector(jetty);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        jetty.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.addServlet(new ServletHolder(new DeliveryReportServlet(() -> "httpsms-test", () -> TOKEN, () -> feedback,
                () -> m -> {
                    received.add(m);
                    return new io.tidings.api.inbound.InboundResult("in-1", "NONE", null);
                })),
                PATH);
        jetty.setHandler(context);
        jetty.start();
        base = "http://127.0.0.1:" + connector.getLocalPort() + PATH;
    }

    @After
    public void stop() throws Exception {
        jetty.stop();
    }

    @Test
    public void theTokenInTheHeaderIsAccepted() throws Exception {
        HttpResponse<String> response = get("?reference=comm-1&status=2", TOKEN);
        assertEquals(response.body(), 200, response.statusCode());
        assertEquals(List.of("httpsms-test/comm-1"), delivered);
    }

    @Test
    public void anIncomingMessageIsHandedToTheEngineWithTheSenderInE164() throws Exception {
        HttpResponse<String> posted = http.send(HttpRequest.newBuilder(URI.create(base))
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"from\":\"00380671234567\",\"to\":\"7007\",\"message\":\"ДОПОМОГА\"}"))
                .header("Content-Type", "application/json").header("X-Tidings-Token", TOKEN).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(posted.body(), 200, posted.statusCode());
        assertTrue(posted.body(), posted.body().contains("\"communicationId\":\"in-1\""));
        assertEquals(1, received.size());
        assertEquals("+380671234567", received.get(0).from());
        assertEquals("7007", received.get(0).to());
        assertEquals("ДОПОМОГА", received.get(0).text());
        assertEquals("httpsms-test", received.get(0).channel());

        HttpResponse<String> noText = get("?from=4520123456", TOKEN);
        assertEquals(noText.body(), 400, noText.statusCode());
        assertTrue(noText.body(), noText.body().contains("\"field\":\"message\""));
        HttpResponse<String> noToken = get("?from=4520123456&message=STOP", null);
        assertEquals(401, noToken.statusCode());
        assertEquals(1, received.size());
    }

    @Test
    public void theRightTokenInTheQueryStringIsRefused() throws Exception {
        HttpResponse<String> response = get("?token=" + TOKEN + "&reference=comm-1&status=2", null);
        assertEquals(response.body(), 401, response.statusCode());
        assertTrue(response.body(), response.body().contains("only in the X-Tidings-Token header"));
        HttpResponse<String> posted = http.send(HttpRequest.newBuilder(URI.create(base + "?token=" + TOKEN))
                .POST(HttpRequest.BodyPublishers.ofString("{\"reference\":\"comm-1\",\"status\":\"2\"}"))
                .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(posted.body(), 401, posted.statusCode());
        assertTrue(delivered.isEmpty());
    }

    @Test
    public void aWrongTokenInTheHeaderIsRefused() throws Exception {
        HttpResponse<String> response = get("?reference=comm-1&status=2", TOKEN.substring(1) + "x");
        assertEquals(response.body(), 401, response.statusCode());
        assertTrue(delivered.isEmpty());
    }

    @Test
    public void aShortCallbackTokenIsRefusedNamingTheKey() {
        URI url = URI.create("https://gw.example.com/v1.0/message");
        try {
            new HttpSmsSettings(url, "product", "Tidings", Duration.ofSeconds(1), Duration.ofSeconds(1), "cb-secret");
            fail("a 9-character callback token must be refused");
        } catch (IllegalArgumentException e) {
            assertEquals("callbackToken: at least 24 characters, was 9 (empty refuses every delivery report)", e.getMessage());
        }
        // empty stays allowed (every report refused), 24 characters is enough
        assertEquals("", new HttpSmsSettings(url, "product", "Tidings", Duration.ofSeconds(1), Duration.ofSeconds(1), "")
                .callbackToken());
        assertEquals(TOKEN, new HttpSmsSettings(url, "product", "Tidings", Duration.ofSeconds(1), Duration.ofSeconds(1), TOKEN)
                .callbackToken());
    }

    private HttpResponse<String> get(String query, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + query)).GET();
        if (token != null) {
            request.header("X-Tidings-Token", token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
