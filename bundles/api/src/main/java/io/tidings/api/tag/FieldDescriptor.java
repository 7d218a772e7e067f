package io.tidings.api.tag;

/**
 * One field of an entity, as the editor's autocomplete and template validation see it.
 *
 * @param name        the tag segment, e.g. {@code due_date}
 * @param description shown to administrators
 */
public record FieldDescriptor(String name, FieldType type, String description) {
}
