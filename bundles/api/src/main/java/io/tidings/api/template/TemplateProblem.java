package io.tidings.api.template;

/**
 * Something in a template's content that would not render, e.g. a tag whose provider was uninstalled.
 *
 * @param field   the part at fault, e.g. {@code contents.en.html}
 * @param line    1-based, 0 when not applicable
 * @param column  1-based, 0 when not applicable
 * @param message what is wrong, e.g. "unknown tag #loyalty_card.points: ..."
 */
public record TemplateProblem(String field, int line, int column, String message) {
}
