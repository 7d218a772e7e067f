package io.tidings.webconsole.page;

import java.util.List;

import io.tidings.api.tag.EntityDescriptor;
import io.tidings.api.template.Template;
import io.tidings.webconsole.html.Html;

/**
 * The editor's live help beside the form, run by {@code res/editor.js}: the sample data and language
 * of the preview, where the check's outcome shows, and the tag catalogue the autocomplete offers.
 */
final class EditorAssist {

    static final String SAMPLE = "contact_information.name = Олена Коваль\norder.number = 1001";

    private EditorAssist() {
    }

    static Html panel(View view, Template template, List<EntityDescriptor> tags) {
        Html languages = new Html();
        template.contents().keySet().forEach(l -> languages.add("<option {}>{}</option>",
                Html.of(l.equals(template.defaultLanguage()) ? "selected" : ""), l));
        return Html.of("<section id='tidings-assist' class='tidings-assist' data-medium='{}' data-check='{}'>"
                + "<h3>Live check and preview</h3><p class='tidings-hint'>Type <kbd>#</kbd> for the tags (arrow keys "
                + "and Enter to pick, <kbd>.</kbd> for the fields of the entity picked). The draft is checked as you "
                + "type; nothing is saved until you press Save.</p>"
                + "<label for='tidings-preview-language'>Preview language</label> <select id='tidings-preview-language'>"
                + "{}</select><label for='tidings-sample'>Sample data, one <code>entity.field = value</code> a line"
                + "</label><textarea id='tidings-sample' rows='4' spellcheck='false'>\n{}</textarea>"
                + "<div id='tidings-live' aria-live='polite'></div>"
                + "<script type='application/json' id='tidings-tags'>{}</script>"
                + "<script src='{}'></script></section>", template.medium(), view.link("/template/check"), languages,
                SAMPLE, Html.of(TemplateCheck.catalogue(tags)), view.link("/res/editor.js"));
    }
}
