package io.tidings.webconsole.page;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.tidings.api.tag.EntityDescriptor;
import io.tidings.api.template.Template;
import io.tidings.webconsole.html.Html;
import io.tidings.webconsole.html.Json;

/**
 * The editor's live help beside the form, run by {@code res/editor.js}: the sample data (JSON) and
 * language of the preview, where the check's outcome shows, the tag catalogue the autocomplete
 * offers, and the import map that lets the script load CodeMirror's modules from this bundle. Without
 * script the form's text areas are the editor, as they are submitted either way.
 */
final class EditorAssist {

    /**
     * The bare module names CodeMirror's packages import, and their files under {@code res/lib/}
     * (each package.json's ES module entry, unpacked from the WebJars by the bundle's build).
     */
    static final Map<String, String> MODULES = modules();

    private EditorAssist() {
    }

    private static Map<String, String> modules() {
        Map<String, String> modules = new LinkedHashMap<>();
        for (String name : List.of("view", "state", "commands", "language", "search", "autocomplete", "lint")) {
            modules.put("@codemirror/" + name, "codemirror__" + name + "/dist/index.js");
        }
        modules.put("@lezer/common", "lezer__common/dist/index.js");
        modules.put("@lezer/highlight", "lezer__highlight/dist/index.js");
        modules.put("@marijn/find-cluster-break", "marijn__find-cluster-break/src/index.js");
        modules.put("style-mod", "style-mod/src/style-mod.js");
        modules.put("w3c-keyname", "w3c-keyname/index.js");
        modules.put("crelt", "crelt/index.js");
        return Map.copyOf(modules);
    }

    /** The import map for the page: each module name to its file served by the plugin. */
    static String importMap(View view) {
        Map<String, Object> imports = new LinkedHashMap<>();
        MODULES.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> imports.put(e.getKey(), view.link("/res/lib/" + e.getValue())));
        return Json.write(Map.of("imports", imports));
    }

    static Html panel(View view, Template template, List<EntityDescriptor> tags, PreviewSample.Sample sample) {
        Html languages = new Html();
        template.contents().keySet().forEach(l -> languages.add("<option {}>{}</option>",
                Html.of(l.equals(template.defaultLanguage()) ? "selected" : ""), l));
        return Html.of("<section id='tidings-assist' class='tidings-assist' data-medium='{}' data-check='{}'>"
                + "<h3>Live check and preview</h3><p class='tidings-hint'>Type <kbd>#</kbd> for the tags and "
                + "directives (arrow keys and Enter to pick, <kbd>.</kbd> for the fields and relations of the entity "
                + "picked, <kbd>Ctrl</kbd>+<kbd>Space</kbd> to ask). The draft is checked as you type; nothing is "
                + "saved until you press Save. <kbd>Esc</kbd> then <kbd>Tab</kbd> leaves an editor.</p>"
                + "<label for='tidings-preview-language'>Preview language</label> <select id='tidings-preview-language'>"
                + "{}</select><label for='tidings-sample'>Sample data: the event's <code>data</code> as JSON "
                + "(or <code>entity.field = value</code> lines)</label><p class='tidings-hint tidings-sample-source'>"
                + "Filled with {}.</p><textarea id='tidings-sample' rows='8' spellcheck='false'>\n{}</textarea>"
                + "<div id='tidings-live' aria-live='polite'></div>"
                + "<script type='application/json' id='tidings-tags'>{}</script>"
                + "<script type='importmap'>{}</script>"
                + "<script type='module' src='{}'></script></section>", template.medium(),
                view.link("/template/check"), languages, sample.source(), sample.json(),
                Html.of(TemplateCheck.catalogue(tags)), Html.of(importMap(view)), view.link("/res/editor.js"));
    }
}
