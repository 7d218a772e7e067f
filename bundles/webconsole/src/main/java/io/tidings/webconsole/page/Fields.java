package io.tidings.webconsole.page;

import java.util.List;
import java.util.Map;

import io.tidings.webconsole.html.Html;
import io.tidings.webconsole.session.Flash;

/**
 * Labelled form fields filled with values, the one a refused save was about marked and followed by
 * its error in words. Each field has the id {@code field-<name>} and its error place
 * {@code error-<name>} (dots made dashes), where the page's script also writes what it finds.
 */
final class Fields {

    private final Map<String, List<String>> values;
    private final String errorField;
    private final String error;

    /**
     * @param errorField the form field a refused save was about; null when none
     * @param error      what was wrong, in words
     */
    Fields(Map<String, List<String>> values, String errorField, String error) {
        this.values = values;
        this.errorField = errorField;
        this.error = error;
    }

    /** Fields filled with the values, the error of a refused save (a flash that is one) marked. */
    static Fields of(Map<String, List<String>> values, Flash flash) {
        boolean refused = flash != null && flash.error();
        return new Fields(values, refused ? flash.field() : null, refused ? flash.message() : null);
    }

    /**
     * Fills the values with what a refused save sent (a form shown again keeps what was typed).
     *
     * @return false when there is no such save: fill them from the object instead
     */
    static boolean refill(Map<String, List<String>> values, Flash flash) {
        if (flash == null || !flash.error() || flash.values().isEmpty()) {
            return false;
        }
        flash.values().forEach((name, value) -> values.put(name, List.of(value)));
        return true;
    }

    String value(String name) {
        List<String> list = values.get(name);
        return list == null || list.isEmpty() ? null : list.get(0);
    }

    static String id(String name) {
        return "field-" + name.replace('.', '-');
    }

    /** The error place after a field: the refused save's message when it was about this field. */
    Html error(String name) {
        boolean wrong = name.equals(errorField);
        return Html.of("<span class='tidings-error tidings-field-error' id='error-{}' role='alert'>{}</span>",
                name.replace('.', '-'), wrong ? error : "");
    }

    private String invalid(String name) {
        return name.equals(errorField) ? "tidings-invalid" : "";
    }

    /** @param extra attributes written as they are (required, type='time', list=…) */
    Html text(String name, String label, String placeholder, String extra) {
        return Html.of("<label for='{}'>{}</label><input type='text' id='{}' name='{}' value='{}' placeholder='{}'"
                + " class='{}' {}>{}", id(name), label, id(name), name, value(name), placeholder, invalid(name),
                Html.of(extra), error(name));
    }

    Html area(String name, String label, int rows) {
        return Html.of("<label for='{}'>{}</label><textarea id='{}' name='{}' rows='{}' spellcheck='false' class='{}'>"
                + "{}</textarea>{}", id(name), label, id(name), name, rows, invalid(name),
                value(name), error(name));
    }

    Html checkbox(String name, String label) {
        return Html.of("<label class='tidings-choice'><input type='checkbox' id='{}' name='{}' {}> {}</label>{}",
                id(name), name, Html.of(value(name) != null ? "checked" : ""), label, error(name));
    }

    /** A select of the choices (value → words); several may be chosen when {@code multiple}. */
    Html select(String name, String label, Map<String, String> choices, boolean multiple) {
        List<String> chosen = values.getOrDefault(name, List.of());
        Html options = new Html();
        choices.forEach((value, words) -> options.add("<option value='{}' {}>{}</option>", value,
                Html.of(chosen.contains(value) ? "selected" : ""), words));
        for (String value : chosen) {
            if (!choices.containsKey(value)) {
                options.add("<option value='{}' selected>{} (not known here)</option>", value, value);
            }
        }
        return Html.of("<label for='{}'>{}</label><select id='{}' name='{}' class='{}' {}>{}</select>{}", id(name),
                label, id(name), name, invalid(name),
                Html.of(multiple ? "multiple size='" + Math.min(6, Math.max(2, choices.size())) + "'" : ""),
                options, error(name));
    }
}
