package io.tidings.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The machine a benchmark ran on, printed first so that a figure is never read without it. */
final class Machine {

    private Machine() {
    }

    static void print() {
        System.out.printf("machine: %d cores, %s, %s %s, max heap %d MB, %s%n", Runtime.getRuntime().availableProcessors(),
                cpu(), System.getProperty("java.vm.name"), System.getProperty("java.runtime.version"),
                Runtime.getRuntime().maxMemory() >> 20, Instant.now().truncatedTo(ChronoUnit.SECONDS));
    }

    private static String cpu() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("CPU unknown");
        } catch (IOException | RuntimeException e) {
            return System.getProperty("os.arch");
        }
    }
}
