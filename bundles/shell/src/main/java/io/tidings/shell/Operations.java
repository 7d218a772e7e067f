package io.tidings.shell;

import io.tidings.api.Communication;
import io.tidings.api.NotificationService;

/** What the commands acting on one communication share. */
final class Operations {

    private Operations() {
    }

    static Communication existing(NotificationService engine, String id) {
        return engine.communication(id).orElseThrow(() -> new IllegalArgumentException("no communication '" + id + "'"));
    }
}
