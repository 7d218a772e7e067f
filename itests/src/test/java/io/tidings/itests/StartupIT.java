package io.tidings.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.junit.After;
import org.junit.Test;

/**
 * The demo distribution as a host platform meets it while it starts: the REST API comes up right
 * after the HTTP service, ahead of the engine, so {@code POST /events} is refused with 503 JSON and
 * {@code Retry-After} until the engine takes the event (202), instead of Jetty's HTML 404 for the
 * whole start, which a host may take for "gone for good". Jetty opens its port seconds before the
 * API's servlet is registered on a loaded machine; the distribution's start-up guard (the
 * tidings-http-guard fragment, inserted by its etc/jetty.xml) answers for the API in that window, so
 * the very first answer is already 503 JSON. A real {@code bin/karaf} process, not Pax Exam, which
 * only hands over once the container is up.
 */
public class StartupIT {

    private Process karaf;

    @After
    public void stop() throws Exception {
        KarafProcess.stop(karaf);
    }

    @Test
    public void whileItStartsEventsAreRefusedWith503JsonNeverA404() throws Exception {
        Path home = KarafProcess.unpack();
        int http = TidingsTestSupport.freePort();
        KarafProcess.set(home.resolve("etc/org.ops4j.pax.web.cfg"), "org.osgi.service.http.port", Integer.toString(http));
        KarafProcess.isolate(home);
        karaf = KarafProcess.start(home);

        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        String credentials = "Basic " + Base64.getEncoder().encodeToString("karaf:karaf".getBytes(StandardCharsets.UTF_8));
        List<String> answers = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        int refusedWithRetryAfter = 0;
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        int status = 0;
        for (int i = 0; status != 202 && Instant.now().isBefore(deadline) && karaf.isAlive(); i++) {
            HttpRequest post = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http + "/tidings/api/v1/events"))
                    .timeout(Duration.ofSeconds(10)).header("Authorization", credentials)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"id\":\"startup-" + i + "\",\"type\":\"order.created\","
                            + "\"occurredAt\":\"2026-11-23T10:00:00+02:00\",\"entity\":{\"type\":\"order\",\"id\":\"1\"},"
                            + "\"data\":{}}")).build();
            String seen;
            try {
                HttpResponse<String> answer = client.send(post, HttpResponse.BodyHandlers.ofString());
                status = answer.statusCode();
                String type = answer.headers().firstValue("Content-Type").orElse("");
                boolean json = type.contains("json");
                seen = status + (json ? " json" : " " + type.replaceAll(";.*", ""));
                if (status == 503 && json && answer.headers().firstValue("Retry-After").isPresent()) {
                    refusedWithRetryAfter++;
                } else if (status != 202 || !json) {
                    wrong.add(seen + ": " + answer.body().substring(0, Math.min(120, answer.body().length())));
                }
            } catch (ConnectException notYet) {
                seen = "connection refused";
            } catch (IOException e) {
                seen = e.getClass().getSimpleName();
            }
            if (answers.isEmpty() || !answers.get(answers.size() - 1).startsWith(seen + " ")) {
                answers.add(seen + " ×1");
            } else {
                String last = answers.remove(answers.size() - 1);
                answers.add(seen + " ×" + (Integer.parseInt(last.substring(last.lastIndexOf('×') + 1)) + 1));
            }
            Thread.sleep(5);
        }
        System.out.println("StartupIT: POST /events while Karaf started: " + answers);
        assertTrue("an event was accepted in the end: " + answers, status == 202);
        assertTrue("before the engine was ready the API answered 503 JSON with Retry-After: " + answers,
                refusedWithRetryAfter > 0);
        assertEquals("from the port's first answer, nothing but 503 JSON until 202 (no Jetty 404): " + answers,
                List.of(), wrong);
    }
}
