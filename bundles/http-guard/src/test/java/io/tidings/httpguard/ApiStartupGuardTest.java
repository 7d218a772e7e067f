package io.tidings.httpguard;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandlerCollection;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/** A real Jetty whose contexts fill in after its port opened, as Pax Web's do while Karaf starts. */
public class ApiStartupGuardTest {

    private Server server;
    private ContextHandlerCollection contexts;
    private final HttpClient client = HttpClient.newHttpClient();

    @Before
    public void start() throws Exception {
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        contexts = new ContextHandlerCollection();
        server.setHandler(contexts);
        server.insertHandler(new ApiStartupGuard("/tidings/api/", 5));
        server.start();
    }

    @After
    public void stop() throws Exception {
        server.stop();
    }

    private HttpResponse<String> post(String path) throws IOException, InterruptedException {
        int port = ((ServerConnector) server.getConnectors()[0]).getLocalPort();
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertRefusedAsJson(HttpResponse<String> answer) {
        assertEquals(503, answer.statusCode());
        assertEquals("5", answer.headers().firstValue("Retry-After").orElse(""));
        assertTrue(answer.headers().firstValue("Content-Type").orElse(""), answer.headers()
                .firstValue("Content-Type").orElse("").startsWith("application/json"));
        assertTrue(answer.body(), answer.body().startsWith("{\"error\":\"the Tidings API is not available yet"));
    }

    private ServletContextHandler rootContext() throws Exception {
        ServletContextHandler root = new ServletContextHandler(contexts, "/");
        root.addServlet(new ServletHolder("default", new HttpServlet() {
            @Override
            protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
                resp.sendError(404);
            }
        }), "/");
        root.start();
        return root;
    }

    @Test
    public void beforeAnyContextExistsTheApiAnswers503Json() throws Exception {
        assertRefusedAsJson(post("/tidings/api/v1/events"));
        assertEquals("other paths keep Jetty's answer", 404, post("/system/console").statusCode());
    }

    @Test
    public void aContextServingOnlyItsDefaultServletIsNotTheApi() throws Exception {
        rootContext();
        assertRefusedAsJson(post("/tidings/api/v1/events"));
        assertEquals(404, post("/elsewhere").statusCode());
    }

    @Test
    public void onceTheApiServletIsMappedRequestsReachIt() throws Exception {
        ServletContextHandler root = rootContext();
        root.addServlet(new ServletHolder("api", new HttpServlet() {
            @Override
            protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
                resp.setStatus(202);
            }
        }), "/tidings/api/v1/*");
        assertEquals(202, post("/tidings/api/v1/events").statusCode());
        assertRefusedAsJson(post("/tidings/api/v2/events"));
    }

    @Test
    public void aContextBelowItsOwnPathIsFoundByItsPath() throws Exception {
        ServletContextHandler tidings = new ServletContextHandler(contexts, "/tidings");
        tidings.addServlet(new ServletHolder("api", new HttpServlet() {
            @Override
            protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
                resp.setStatus(202);
            }
        }), "/api/v1/*");
        tidings.start();
        assertEquals(202, post("/tidings/api/v1/events").statusCode());
    }

    @Test(expected = IllegalArgumentException.class)
    public void aPrefixThatIsNotAPathIsRefused() {
        new ApiStartupGuard("tidings/api", 5);
    }
}
