package io.tidings.webconsole.page;

import io.tidings.webconsole.session.Flash;

/**
 * Where the browser goes after a post, and what that page shows about it.
 *
 * @param path  a page of the plugin with its query, e.g. {@code /rules}
 * @param flash the outcome
 */
public record Redirect(String path, Flash flash) {
}
