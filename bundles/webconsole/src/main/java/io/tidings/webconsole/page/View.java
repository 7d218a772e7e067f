package io.tidings.webconsole.page;

import java.util.List;
import java.util.Map;

import io.tidings.webconsole.html.Html;
import io.tidings.webconsole.session.Access;
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
 * @param access     what the user's roles allow (see {@link Access}): a viewer sees no edit forms,
 *                   an editor no action buttons
 * @param actor      who posts (the audit trail's and a template version's author); null on a page
 */
public record View(String root, Map<String, String[]> parameters, String csrf, Flash flash, Access access,
        String actor) {

    public View {
        parameters = Map.copyOf(parameters);
    }

    /** A request whose poster is not named (a page). */
    public View(String root, Map<String, String[]> parameters, String csrf, Flash flash, Access access) {
        this(root, parameters, csrf, flash, access, null);
    }

    /** This request as posted by {@code name}. */
    public View by(String name) {
        return new View(root, parameters, csrf, flash, access, name);
    }

    /** A request of an administrator (the console's own login requires Karaf's admin role). */
    public View(String root, Map<String, String[]> parameters, String csrf, Flash flash) {
        this(root, parameters, csrf, flash, Access.FULL);
    }

    /** A request of an administrator, or else of a viewer without message bodies. */
    public View(String root, Map<String, String[]> parameters, String csrf, Flash flash, boolean admin) {
        this(root, parameters, csrf, flash, admin ? Access.FULL : new Access(Access.Level.VIEWER, false));
    }

    /** Whether the user may change templates, rules and locations ({@code tidings-editor} and above). */
    public boolean editor() {
        return access.atLeast(Access.Level.EDITOR);
    }

    /** Whether the user may act on messages and channels ({@code tidings-admin} or Karaf's {@code admin}). */
    public boolean admin() {
        return access.atLeast(Access.Level.ADMIN);
    }

    /** Whether the user may post the form at the path (see {@link FormRoles}). */
    public boolean may(String postPath) {
        return access.atLeast(FormRoles.needs(postPath));
    }

    /** What a user who may not post to the path is told: the role it needs. */
    public String refusal(String postPath) {
        return Access.refusal(FormRoles.needs(postPath));
    }

    /**
     * @throws ValidationException naming the role an action needs, for a user without it
     */
    public void requireAdmin() {
        require(Access.Level.ADMIN);
    }

    /**
     * @throws ValidationException naming the role a page or form needs, for a user without it
     */
    public void require(Access.Level needed) {
        if (!access.atLeast(needed)) {
            throw new io.tidings.api.ValidationException("role", Access.refusal(needed));
        }
    }

    /** Like {@link #require} for a form post to the path. */
    public void requireFor(String postPath) {
        require(FormRoles.needs(postPath));
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

    /** A form that changes something: posted with the session's CSRF token; nothing for a user who may not post it. */
    public Html postForm(String path, String cssClass, Html fields) {
        if (!may(path)) {
            return new Html();
        }
        return Html.of("<form method='post' action='{}' class='{}' accept-charset='UTF-8'>"
                + "<input type='hidden' name='{}' value='{}'>{}</form>", link(path), cssClass, CsrfToken.PARAMETER,
                csrf, fields);
    }
}
