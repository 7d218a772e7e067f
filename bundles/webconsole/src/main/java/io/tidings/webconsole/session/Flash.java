package io.tidings.webconsole.session;

import java.util.LinkedHashMap;
import java.util.Map;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpSession;

import io.tidings.api.template.Template;

/**
 * What a form post left for the page it redirects to (post, redirect, get): the outcome, and after a
 * refused template edit the administrator's text, so nothing typed is lost.
 *
 * @param error   whether the post was refused
 * @param message what happened, naming the field at fault
 * @param field   the form field at fault ({@code contents.uk.html}); null when none
 * @param draft   the template as submitted, when an edit was not saved; else null
 * @param values  other forms' fields as submitted, when they were refused; else empty
 */
public record Flash(boolean error, String message, String field, Template draft, Map<String, String> values) {

    private static final String ATTRIBUTE = Flash.class.getName();

    public Flash {
        values = values == null ? Map.of() : Map.copyOf(values);
    }

    /** A refused template edit, keeping the template as submitted. */
    public Flash(boolean error, String message, String field, Template draft) {
        this(error, message, field, draft, Map.of());
    }

    public static Flash done(String message) {
        return new Flash(false, message, null, null);
    }

    public static Flash refused(String message, String field) {
        return new Flash(true, message, field, null);
    }

    /** A refused form, keeping what was typed (blank fields left out). */
    public static Flash refused(String message, String field, Map<String, String> values) {
        Map<String, String> typed = new LinkedHashMap<>();
        values.forEach((name, value) -> {
            if (value != null && !value.isBlank()) {
                typed.put(name, value);
            }
        });
        return new Flash(true, message, field, null, typed);
    }

    /** Keeps it in the session for the next page. */
    public void keep(HttpServletRequest request) {
        request.getSession(true).setAttribute(ATTRIBUTE, this);
    }

    /** The flash the last post left, removed from the session; null when none. */
    public static Flash take(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return null;
        }
        Object flash = session.getAttribute(ATTRIBUTE);
        if (flash != null) {
            session.removeAttribute(ATTRIBUTE);
        }
        return flash instanceof Flash f ? f : null;
    }
}
