package io.tidings.api;

import java.util.Objects;

/** The entity an event is about, as the host platform names it ({@code order}, {@code 4711}). */
public record EntityRef(String type, String id) {
    public EntityRef {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
    }
}
