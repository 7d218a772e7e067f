package io.tidings.itests.fault;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.tidings.itests.engine.EngineProcess;

/**
 * One Tidings node in a JVM of its own ({@link EngineProcess}), started, killed with {@code kill -9}
 * and restarted by a fault test, under the same node name each time.
 */
final class Node implements AutoCloseable {

    private final String jdbcUrl;
    private final String name;
    private final int smtpPort;
    private final Path log;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Process process;
    private int httpPort;
    private String webhookUrl;

    Node(String jdbcUrl, String name, int smtpPort) throws IOException {
        this.jdbcUrl = jdbcUrl;
        this.name = name;
        this.smtpPort = smtpPort;
        this.log = Files.createTempFile("tidings-" + name, ".log");
    }

    /** Registers a webhook of {@code communication.status} at this URL each time the node starts. */
    Node webhook(String url) {
        webhookUrl = url;
        return this;
    }

    /** Starts the node and waits until it takes events. */
    Node start() throws Exception {
        httpPort = freePort();
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        List<String> command = new java.util.ArrayList<>(List.of(java, "-Xmx256m",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp", System.getProperty("java.class.path"),
                EngineProcess.class.getName(), jdbcUrl, name, Integer.toString(smtpPort), Integer.toString(httpPort)));
        if (webhookUrl != null) {
            command.add(webhookUrl);
        }
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.redirectErrorStream(true);
        process = builder.start();
        CompletableFuture<Boolean> ready = new CompletableFuture<>();
        Process started = process;
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(started.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line; (line = out.readLine()) != null;) {
                    if (line.equals("ready")) {
                        ready.complete(true);
                    }
                    Files.writeString(log, line + System.lineSeparator(), StandardCharsets.UTF_8,
                            StandardOpenOption.APPEND);
                }
            } catch (IOException e) {
                // the process is gone
            }
            ready.complete(false);
        }, "node-output-" + name);
        reader.setDaemon(true);
        reader.start();
        if (!ready.get(90, TimeUnit.SECONDS)) {
            throw new IllegalStateException("node " + name + " ended before it was ready; its output: "
                    + Files.readString(log));
        }
        return this;
    }

    /** Posts an event. @return true when the node answered 202: the event is durable and must not be lost */
    boolean post(String eventId) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + httpPort + "/events")).timeout(Duration.ofSeconds(10))
                    .POST(HttpRequest.BodyPublishers.ofString(eventId)).build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 202;
        } catch (IOException e) {
            return false; // killed meanwhile: not accepted
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** How many communications the node is still sending; -1 when it does not answer. */
    long sending() {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + httpPort + "/sending")).timeout(Duration.ofSeconds(10)).GET()
                    .build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? Long.parseLong(response.body().trim()) : -1;
        } catch (IOException | NumberFormatException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** Posts a booking event ({@link EngineProcess}'s {@code /bookings}). @return true when answered 202 */
    boolean booking(String eventId, String status, String bookingId, java.time.OffsetDateTime start) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + httpPort + "/bookings")).timeout(Duration.ofSeconds(10))
                    .POST(HttpRequest.BodyPublishers.ofString(eventId + " " + status + " " + bookingId
                            + (start == null ? "" : " " + start))).build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 202;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** {@code kill -9}: no shutdown hook, no last write, as a power cut or the kernel's OOM killer. */
    void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly(); // SIGKILL on Linux
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
