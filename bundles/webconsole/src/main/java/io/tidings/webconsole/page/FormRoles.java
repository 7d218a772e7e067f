package io.tidings.webconsole.page;

import java.util.Map;

import io.tidings.webconsole.session.Access.Level;

/**
 * The role each form post of the page needs, as the REST API's routes need them: exporting a run is
 * reading, templates, rules and locations are an editor's, everything else (actions on messages and channels,
 * sending, consent, erasure, API keys, the devbox) an administrator's. A form the user may not post
 * is not shown, and its post is refused.
 */
final class FormRoles {

    private static final Map<String, Level> NEEDS = Map.of(
            "/run/export", Level.VIEWER,
            "/template/check", Level.EDITOR,
            "/template/save", Level.EDITOR,
            "/template/create", Level.EDITOR,
            "/rule/enabled", Level.EDITOR,
            "/rule/save", Level.EDITOR,
            "/rule/delete", Level.EDITOR,
            "/rules/bulk", Level.EDITOR,
            "/location/save", Level.EDITOR,
            "/location/delete", Level.EDITOR);

    private FormRoles() {
    }

    /** The level a post to the path needs; an administrator's unless listed. */
    static Level needs(String path) {
        return NEEDS.getOrDefault(path, Level.ADMIN);
    }
}
