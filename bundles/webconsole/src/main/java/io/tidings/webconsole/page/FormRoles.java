package io.tidings.webconsole.page;

import java.util.Map;

import io.tidings.webconsole.session.Access.Level;

/**
 * The role each form post of the page needs, as the REST API's routes need them: exporting a run is
 * reading; templates, rules, locations and logging communications (as tidings-editor may on
 * {@code POST /communications}) are an editor's; everything else (actions on messages and channels,
 * sending, consent, erasure, API keys, the devbox, the log's categories) an administrator's. A form the user may not post
 * is not shown, and its post is refused.
 */
final class FormRoles {

    private static final Map<String, Level> NEEDS = Map.ofEntries(
            Map.entry("/run/export", Level.VIEWER),
            Map.entry("/template/check", Level.EDITOR),
            Map.entry("/template/save", Level.EDITOR),
            Map.entry("/template/create", Level.EDITOR),
            Map.entry("/rule/enabled", Level.EDITOR),
            Map.entry("/rule/save", Level.EDITOR),
            Map.entry("/rule/delete", Level.EDITOR),
            Map.entry("/rules/bulk", Level.EDITOR),
            Map.entry("/location/save", Level.EDITOR),
            Map.entry("/location/delete", Level.EDITOR),
            Map.entry("/template/rollback", Level.EDITOR),
            Map.entry("/template/delete", Level.EDITOR),
            Map.entry("/log/save", Level.EDITOR),
            Map.entry("/follow-up/complete", Level.EDITOR));

    private FormRoles() {
    }

    /** The level a post to the path needs; an administrator's unless listed. */
    static Level needs(String path) {
        return NEEDS.getOrDefault(path, Level.ADMIN);
    }
}
