package io.tidings.webconsole.page;

import java.util.List;
import java.util.Map;

import io.tidings.webconsole.html.Html;
import io.tidings.webconsole.session.CsrfToken;
import io.tidings.webconsole.session.Flash;

/**
 * One request as the pages see it: its parameters, where the plugin lives, the session's CSRF token
 * for forms that change something, and what the last post left to show.
 *
 * @param root       the plugin's address, e.g. {@code /system/console/tidings}
 * @param parameters the query or form parameters
 * @param csrf       the session's token (null on a post, which has been checked already)
 * @param flash      the outcome of the last post; null when none
 * @param editor     whether the logged-in user may change rules and locations (tidings-editor,
 *                   tidings-admin or the console's administrator role); a viewer sees no forms
 */
public record View(String root, Map<String, String[]> parameters, String csrf, Flash flash, boolean editor) {

    public View {
        parameters = Map.copyOf(parameters);
    }

    /** A request of a user who may change everything. */
    public View(String root, Map<String, String[]> parameters, String csrf, Flash flash) {
        this(root, parameters, csrf, flash, true);
    }

    /** The parameter, trimmed; null when absent or blank. */
    public String param(String name) {
        String[] values = parameters.get(name);
        if (values == null || values.length == 0 || values[0] == null || values[0].isBlank()) {
            return null;
        }
        return values[0].trim();
    }

    /** The parameter exactly as sent (template text keeps its spaces); null when absent. */
    public String raw(String name) {
        String[] values = parameters.get(name);
        return values == null || values.length == 0 ? null : values[0];
    }

    /** Every value of a repeated parameter. */
    public List<String> params(String name) {
        String[] values = parameters.get(name);
        return values == null ? List.of() : List.of(values);
    }

    /** A page of the plugin, e.g. {@code link("/template", "key", "order-ready")}. */
    public String link(String path, String... namesAndValues) {
        return Html.link(root + path, namesAndValues);
    }

    /** A form that changes something: posted with the session's CSRF token. */
    public Html postForm(String path, String cssClass, Html fields) {
        return Html.of("<form method='post' action='{}' class='{}' accept-charset='UTF-8'>"
                + "<input type='hidden' name='{}' value='{}'>{}</form>", link(path), cssClass, CsrfToken.PARAMETER,
                csrf, fields);
    }
}
