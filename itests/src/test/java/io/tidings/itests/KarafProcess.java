package io.tidings.itests;

import static org.junit.Assert.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Tidings distribution of the local repository unpacked and started as a real {@code bin/karaf}
 * process, not Pax Exam: its ports moved off the defaults, its bundles from the local repository.
 */
final class KarafProcess {

    private KarafProcess() {
    }

    /** @return the distribution's home, unpacked into a new temporary folder */
    static Path unpack() throws IOException, InterruptedException {
        String version = System.getProperty("tidings.version");
        Path archive = Path.of(System.getProperty("org.ops4j.pax.url.mvn.localRepository"), "io", "tidings",
                "tidings-karaf-distribution", version, "tidings-karaf-distribution-" + version + ".tar.gz");
        Path dir = Files.createTempDirectory("tidings-karaf");
        Process untar = new ProcessBuilder("tar", "-xzf", archive.toString(), "-C", dir.toString()).inheritIO().start();
        assertEquals(0, untar.waitFor());
        try (var entries = Files.list(dir)) {
            return entries.filter(Files::isDirectory).findFirst().orElseThrow();
        }
    }

    /** Sets {@code key = value} in a Karaf configuration file, replacing the line that sets it. */
    static void set(Path file, String key, String value) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        Matcher line = Pattern.compile("(?m)^\\s*" + Pattern.quote(key) + "\\s*=.*$").matcher(text);
        text = line.find() ? line.replaceFirst(Matcher.quoteReplacement(key + " = " + value))
                : text + System.lineSeparator() + key + " = " + value + System.lineSeparator();
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    /** Moves SSH and RMI off their defaults and takes the bundles from the local repository. */
    static void isolate(Path home) throws IOException {
        set(home.resolve("etc/org.apache.karaf.shell.cfg"), "sshPort", Integer.toString(TidingsTestSupport.freePort()));
        set(home.resolve("etc/org.apache.karaf.management.cfg"), "rmiRegistryPort",
                Integer.toString(TidingsTestSupport.freePort()));
        set(home.resolve("etc/org.apache.karaf.management.cfg"), "rmiServerPort",
                Integer.toString(TidingsTestSupport.freePort()));
        set(home.resolve("etc/org.ops4j.pax.url.mvn.cfg"), "org.ops4j.pax.url.mvn.localRepository",
                System.getProperty("org.ops4j.pax.url.mvn.localRepository"));
    }

    /** Starts {@code bin/karaf server} on this JDK, its output in {@code startup.out}. */
    static Process start(Path home) throws IOException {
        ProcessBuilder start = new ProcessBuilder(home.resolve("bin/karaf").toString(), "server");
        start.environment().put("JAVA_HOME", System.getProperty("java.home"));
        start.redirectErrorStream(true).redirectOutput(home.resolve("startup.out").toFile());
        return start.start();
    }

    /**
     * Kills Karaf and waits for it to be gone. {@code bin/karaf} is a shell script that runs the JVM as
     * its child (not by {@code exec}): killing the script alone would leave the JVM running after the
     * test, holding its ports, so the JVM (every descendant) goes first.
     */
    static void stop(Process karaf) throws InterruptedException {
        if (karaf != null) {
            java.util.List<ProcessHandle> children = karaf.descendants().toList();
            children.forEach(ProcessHandle::destroyForcibly);
            karaf.destroyForcibly();
            karaf.waitFor(30, TimeUnit.SECONDS);
            for (ProcessHandle child : children) {
                try {
                    child.onExit().get(30, TimeUnit.SECONDS);
                } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                    throw new AssertionError("Karaf's JVM " + child.pid() + " did not end", e);
                }
            }
        }
    }
}
