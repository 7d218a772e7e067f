package io.tidings.api.channel;

import java.util.List;

import io.tidings.api.ContentKind;
import io.tidings.api.Medium;

/**
 * A medium the engine knows now, as administrators see it (REST {@code GET /media}, the console's
 * forms).
 *
 * @param medium   its name
 * @param content  what its templates hold
 * @param channels the names of the registered channels that serve it; empty while none does (its
 *                 messages wait)
 */
public record DeclaredMedium(Medium medium, ContentKind content, List<String> channels) {

    public DeclaredMedium {
        channels = channels == null ? List.of() : List.copyOf(channels);
    }
}
