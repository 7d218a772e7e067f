package io.tidings.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.tidings.benchmarks.baseline.Accept202Activator;
import io.tidings.benchmarks.baseline.Accept202Servlet;

/**
 * The demo distribution as a real {@code bin/karaf server} process: unpacked from its tar.gz into a
 * temporary directory, its ports (HTTP, SSH, RMI) moved to free ones, the baseline bundle (one
 * servlet answering 202) dropped into {@code deploy/}; stopped and deleted on close.
 */
final class KarafProcess implements AutoCloseable {

    private final Path dir;
    private final Path home;
    private final int httpPort;
    private final Process process;

    KarafProcess(Path archive) throws IOException, InterruptedException {
        this(archive, null);
    }

    /**
     * @param postgresqlUrl the store on PostgreSQL at this JDBC URL (user {@code tidings.bench.postgresql.user},
     *        the {@code tidings-postgresql} feature at boot), or null for the distribution's H2 file
     */
    KarafProcess(Path archive, String postgresqlUrl) throws IOException, InterruptedException {
        dir = Files.createTempDirectory("tidings-bench-karaf");
        Process untar = new ProcessBuilder("tar", "-xzf", archive.toString(), "-C", dir.toString()).inheritIO().start();
        if (untar.waitFor() != 0) {
            throw new IOException("could not unpack " + archive);
        }
        try (Stream<Path> entries = Files.list(dir)) {
            home = entries.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        httpPort = freePort();
        set(home.resolve("etc/org.ops4j.pax.web.cfg"), "org.osgi.service.http.port", Integer.toString(httpPort));
        set(home.resolve("etc/org.apache.karaf.shell.cfg"), "sshPort", Integer.toString(freePort()));
        set(home.resolve("etc/org.apache.karaf.management.cfg"), "rmiRegistryPort", Integer.toString(freePort()));
        set(home.resolve("etc/org.apache.karaf.management.cfg"), "rmiServerPort", Integer.toString(freePort()));
        // e.g. -Dtidings.bench.store.url=jdbc:h2:file:${karaf.data}/tidings/tidings;PAGE_SIZE=4096 to try a store setting
        String storeUrl = postgresqlUrl != null ? postgresqlUrl : System.getProperty("tidings.bench.store.url", "");
        Path store = home.resolve("etc/io.tidings.store.cfg");
        if (!storeUrl.isBlank()) {
            set(store, "url", storeUrl);
        }
        if (postgresqlUrl != null) {
            set(store, "user", System.getProperty("tidings.bench.postgresql.user", "postgres"));
            set(store, "dataSourceFactory.target", "(osgi.jdbc.driver.class=org.postgresql.Driver)");
            Path features = home.resolve("etc/org.apache.karaf.features.cfg");
            Files.writeString(features, Files.readString(features, StandardCharsets.UTF_8)
                    .replaceFirst("(?m)^featuresBoot\\s*=\\s*\\\\$", "featuresBoot = \\\\\n    tidings-postgresql, \\\\"),
                    StandardCharsets.UTF_8);
        }
        writeBaselineBundle(home.resolve("deploy/tidings-bench-accept.jar"));
        ProcessBuilder start = new ProcessBuilder(home.resolve("bin/karaf").toString(), "server");
        start.environment().put("JAVA_HOME", System.getProperty("java.home"));
        // e.g. -Dtidings.bench.karaf.opts=-XX:StartFlightRecording=filename=/tmp/karaf.jfr to profile Karaf under the load
        String opts = System.getProperty("tidings.bench.karaf.opts");
        if (opts != null && !opts.isBlank()) {
            start.environment().put("EXTRA_JAVA_OPTS", opts);
        }
        start.redirectErrorStream(true).redirectOutput(home.resolve("karaf.out").toFile());
        process = start.start();
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop));
    }

    /** The base URL of Karaf's HTTP service, e.g. {@code http://127.0.0.1:40123}. */
    String base() {
        return "http://127.0.0.1:" + httpPort;
    }

    /**
     * POSTs {@code body} to {@code path} with Basic {@code user} (its password is its name) until the
     * answer is 202; returns the seconds that took.
     */
    double awaitAccepted(String path, String user, java.util.function.IntFunction<String> body, Duration timeout)
            throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long start = System.nanoTime();
        Instant deadline = Instant.now().plus(timeout);
        String last = "nothing yet";
        for (int i = 0; Instant.now().isBefore(deadline); i++) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Karaf stopped: " + outputTail());
            }
            HttpRequest post = HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(10))
                    .header("Authorization", basic(user)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body.apply(i))).build();
            try {
                HttpResponse<String> answer = client.send(post, HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 202) {
                    return (System.nanoTime() - start) / 1e9;
                }
                last = answer.statusCode() + " " + answer.body();
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(path + " did not answer 202 within " + timeout + "; last: " + last
                + "; Karaf's output: " + outputTail());
    }

    private String outputTail() {
        try {
            String out = Files.readString(home.resolve("karaf.out"), StandardCharsets.UTF_8);
            return out.substring(Math.max(0, out.length() - 2_000));
        } catch (IOException e) {
            return e.toString();
        }
    }

    /** GETs {@code path} as {@code user}; the body of a 200, else an exception. */
    String get(String path, String user) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create(base() + path))
                .timeout(Duration.ofSeconds(30)).header("Authorization", basic(user)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IOException("GET " + path + ": " + answer.statusCode() + " " + answer.body());
        }
        return answer.body();
    }

    /** POSTs an empty body as this user (password = user name); the answer's body, which must be 200. */
    String post(String path, String user) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create(base() + path))
                .timeout(Duration.ofSeconds(30)).header("Authorization", basic(user))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IOException("POST " + path + ": " + answer.statusCode() + " " + answer.body());
        }
        return answer.body();
    }

    static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Sets {@code key = value} in a Karaf configuration file, replacing the line that sets it. */
    private static void set(Path file, String key, String value) throws IOException {
        String text = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        Matcher line = Pattern.compile("(?m)^\\s*" + Pattern.quote(key) + "\\s*=.*$").matcher(text);
        text = line.find() ? line.replaceFirst(Matcher.quoteReplacement(key + " = " + value))
                : text + System.lineSeparator() + key + " = " + value + System.lineSeparator();
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    /** The baseline servlet as an OSGi bundle, from this module's own compiled classes. */
    private static void writeBaselineBundle(Path jar) throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", "io.tidings.benchmarks.baseline");
        main.putValue("Bundle-Version", "1.0.0");
        main.putValue("Bundle-Activator", Accept202Activator.class.getName());
        main.putValue("Import-Package", "org.osgi.framework;version=\"[1.8,2)\",javax.servlet;version=\"[3.1,5)\","
                + "javax.servlet.http;version=\"[3.1,5)\"");
        Files.createDirectories(jar.getParent());
        Path partial = jar.resolveSibling(jar.getFileName() + ".part");
        try (OutputStream file = Files.newOutputStream(partial); JarOutputStream out = new JarOutputStream(file, manifest)) {
            for (Class<?> type : new Class<?>[] {Accept202Activator.class, Accept202Servlet.class}) {
                String name = type.getName().replace('.', '/') + ".class";
                out.putNextEntry(new JarEntry(name));
                try (InputStream in = KarafProcess.class.getClassLoader().getResourceAsStream(name)) {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
        }
        // renamed whole, so the deployer never reads half a jar
        Files.move(partial, jar);
    }

    private synchronized void stop() {
        // bin/karaf may run Java as its child rather than exec it: stop the children too
        java.util.List<ProcessHandle> all = new java.util.ArrayList<>(process.descendants().toList());
        all.add(process.toHandle());
        all.forEach(ProcessHandle::destroy);
        for (ProcessHandle p : all) {
            try {
                p.onExit().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                p.destroyForcibly();
            }
        }
    }

    @Override
    public void close() throws IOException {
        stop();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
