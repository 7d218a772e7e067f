package io.tidings.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.junit.After;
import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The container image's entrypoint without a container tool: its configuration step run against
 * the unpacked distribution with the environment a container gets, the .cfg files it writes read
 * back as Karaf reads them (no secret printed), then that Karaf started and its health asked.
 */
public class ContainerEntrypointIT {

    private static final String DB_PASSWORD = "pa$$\\wörd";
    private static final String SMTP_PASSWORD = "smtp-s3cret";

    private Process karaf;

    @After
    public void stop() throws InterruptedException {
        KarafProcess.stop(karaf);
    }

    private static Properties cfg(Path file) throws IOException {
        Properties properties = new Properties();
        try (var in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        return properties;
    }

    @Test
    public void theEnvironmentBecomesTheCfgFilesWithoutEchoingSecretsAndThatKarafIsHealthy() throws Exception {
        Path home = KarafProcess.unpack();
        int http = TidingsTestSupport.freePort();
        String h2 = "jdbc:h2:file:" + home.resolve("data/tidings-db/tidings");
        ProcessBuilder configure = new ProcessBuilder("sh", System.getProperty("tidings.entrypoint"), "configure");
        Map<String, String> env = configure.environment();
        env.put("KARAF_HOME", home.toString());
        env.put("TIDINGS_DB_URL", h2);
        env.put("TIDINGS_DB_USER", "sa");
        env.put("TIDINGS_DB_PASSWORD", DB_PASSWORD);
        env.put("TIDINGS_SMTP_HOST", "127.0.0.1");
        env.put("TIDINGS_SMTP_PORT", Integer.toString(TidingsTestSupport.freePort()));
        env.put("TIDINGS_SMTP_USER", "tidings");
        env.put("TIDINGS_SMTP_PASSWORD", SMTP_PASSWORD);
        env.put("TIDINGS_SMTP_STARTTLS", "false");
        env.put("TIDINGS_SMTP_FROM", "Олена <olena@example.com>");
        env.put("TIDINGS_HTTP_PORT", Integer.toString(http));
        env.put("TIDINGS_ADMIN_PASSWORD", "admin-s3cret");
        Process run = configure.redirectErrorStream(true).start();
        String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(run.waitFor(60, TimeUnit.SECONDS));
        assertEquals(output, 0, run.exitValue());
        for (String secret : new String[] {DB_PASSWORD, SMTP_PASSWORD, "admin-s3cret"}) {
            assertFalse("no secret in the output: " + output, output.contains(secret));
        }

        Properties store = cfg(home.resolve("etc/io.tidings.store.cfg"));
        assertEquals(h2, store.getProperty("url"));
        assertEquals("sa", store.getProperty("user"));
        assertEquals(DB_PASSWORD, store.getProperty("password"));
        Properties smtp = cfg(home.resolve("etc/io.tidings.channel.smtp-main.cfg"));
        assertEquals("127.0.0.1", smtp.getProperty("host"));
        assertEquals(env.get("TIDINGS_SMTP_PORT"), smtp.getProperty("port"));
        assertEquals("tidings", smtp.getProperty("username"));
        assertEquals(SMTP_PASSWORD, smtp.getProperty("password"));
        assertEquals("false", smtp.getProperty("startTls"));
        assertEquals("Олена <olena@example.com>", smtp.getProperty("from"));
        assertEquals(Integer.toString(http), cfg(home.resolve("etc/org.ops4j.pax.web.cfg"))
                .getProperty("org.osgi.service.http.port"));
        assertEquals("admin-s3cret,_g_:admingroup", cfg(home.resolve("etc/users.properties")).getProperty("karaf"));

        // the configured distribution starts (its other ports moved off the defaults, bundles from the
        // local repository) and answers its health check with the store and channel configured here
        KarafProcess.isolate(home);
        karaf = KarafProcess.start(home);

        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        ObjectMapper json = new ObjectMapper();
        JsonNode health = await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1))
                .ignoreExceptions().until(() -> {
                    HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http
                            + "/tidings/health")).timeout(Duration.ofSeconds(10)).GET().build(),
                            HttpResponse.BodyHandlers.ofString());
                    return answer.statusCode() == 200 ? json.readTree(answer.body()) : null;
                }, body -> body != null && body.at("/checks/channels/smtp-main").isObject()
                        && "UP".equals(body.at("/checks/store/status").asText()));
        assertEquals("UP", health.at("/checks/dispatcher/status").asText());
    }
}
