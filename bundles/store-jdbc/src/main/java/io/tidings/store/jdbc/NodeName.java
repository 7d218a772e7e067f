package io.tidings.store.jdbc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * This node's name on the rows it claims, the same across its restarts, so that a node that comes
 * back after a crash queues what it held again at once: the configured {@code nodeName}, else a
 * name made once and kept in Karaf's data directory ({@code data/tidings/node-name}).
 */
final class NodeName {

    private NodeName() {
    }

    /**
     * @param configured the {@code nodeName} setting; blank for the kept one
     * @param dataDirectory Karaf's data directory ({@code karaf.data}); null outside Karaf
     */
    static String of(String configured, String dataDirectory) {
        if (configured != null && !configured.isBlank()) {
            String name = configured.strip();
            if (!name.matches("[A-Za-z0-9._-]{1,100}")) {
                throw new IllegalArgumentException(StoreComponent.PID + ": nodeName may hold letters, digits, '.', '_' "
                        + "and '-' (at most 100), not '" + configured + "'");
            }
            return name;
        }
        if (dataDirectory == null) {
            return "node-" + UUID.randomUUID();
        }
        Path file = Path.of(dataDirectory, "tidings", "node-name");
        try {
            if (Files.exists(file)) {
                String kept = Files.readString(file, StandardCharsets.UTF_8).strip();
                if (!kept.isEmpty()) {
                    return kept;
                }
            }
            String made = "node-" + UUID.randomUUID();
            Files.createDirectories(file.getParent());
            Files.writeString(file, made, StandardCharsets.UTF_8);
            return made;
        } catch (IOException e) {
            throw new IllegalStateException("cannot keep this node's name in " + file + ": " + e.getMessage(), e);
        }
    }
}
