package io.tidings.template.velocity;

import java.util.Locale;

import io.tidings.api.template.Template;

/**
 * The language a recipient gets: the preferred one when the template has it (also as {@code fr}
 * for {@code fr-CA}, case aside), else the template's default, with the reason.
 */
record LanguageChoice(String language, String reason) {

    static LanguageChoice of(Template template, String preferred) {
        String fallback = template.defaultLanguage();
        if (preferred == null || preferred.isBlank()) {
            return new LanguageChoice(fallback, "no preferred language; default '" + fallback + "'");
        }
        if (template.contents().containsKey(preferred)) {
            return new LanguageChoice(preferred, null);
        }
        for (String language : template.contents().keySet()) {
            if (language.equalsIgnoreCase(preferred)) {
                return new LanguageChoice(language, null);
            }
        }
        String primary = primary(preferred);
        for (String language : template.contents().keySet()) {
            if (language.equalsIgnoreCase(primary)) {
                return new LanguageChoice(language,
                        "preferred language '" + preferred + "' has no content; using '" + language + "'");
            }
        }
        return new LanguageChoice(fallback,
                "preferred language '" + preferred + "' has no content; default '" + fallback + "'");
    }

    private static String primary(String tag) {
        int dash = tag.indexOf('-');
        int underscore = tag.indexOf('_');
        int cut = dash < 0 ? underscore : underscore < 0 ? dash : Math.min(dash, underscore);
        return (cut < 0 ? tag : tag.substring(0, cut)).toLowerCase(Locale.ROOT);
    }
}
