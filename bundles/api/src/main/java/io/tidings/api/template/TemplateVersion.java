package io.tidings.api.template;

import java.time.Instant;

/**
 * One saved version of a template, as its history lists it: who saved it and when.
 *
 * @param version the version number, 1 for the first save
 * @param name    the template's name in that version
 * @param savedBy who saved it (a console user, an API key's or a REST user's name); null when not
 *                recorded (versions saved before Tidings recorded it, or by the engine itself)
 * @param savedAt when it was saved; null when not known
 */
public record TemplateVersion(int version, String name, String savedBy, Instant savedAt) {
}
