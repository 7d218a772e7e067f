package io.tidings.webconsole.page;

import java.util.Map;

import io.tidings.api.tag.EntityDescriptor;
import io.tidings.api.tag.FieldDescriptor;
import io.tidings.api.template.Template;
import io.tidings.api.template.TemplateProblem;
import io.tidings.api.template.TemplateService;
import io.tidings.webconsole.html.Html;

/**
 * The tag catalogue: every entity and field the installed tag providers describe, with its type,
 * description and providing bundle, filtered in the browser as the administrator types; then the
 * templates whose tags are no longer provided, as the template engine's validation finds them.
 */
final class TagsPage {

    private final ConsoleServices services;

    TagsPage(ConsoleServices services) {
        this.services = services;
    }

    Html render(View view) {
        Map<String, String> bundles = services.tagBundles();
        Html html = new Html().add("<h2>Tag catalogue</h2><p><label>Search tags <input type='search' "
                + "id='tidings-tag-filter' placeholder='contact, due_date, MONEY…' autocomplete='off'></label></p>"
                + "<table class='nicetable tidings-tags'><thead><tr><th>Tag</th><th>Type</th><th>Description</th>"
                + "<th>Bundle</th></tr></thead><tbody>");
        for (EntityDescriptor entity : services.tags().entities()) {
            String bundle = bundles.getOrDefault(entity.entity(), "");
            html.add("<tr class='tidings-entity'><th scope='row'>#{}</th><td>entity</td><td>{}</td><td>{}</td></tr>",
                    entity.entity(), entity.description(), bundle);
            for (FieldDescriptor field : entity.fields()) {
                html.add("<tr><td>#{}.{}</td><td>{}</td><td>{}</td><td>{}</td></tr>", entity.entity(), field.name(),
                        field.type(), field.description(), bundle);
            }
            entity.relations().forEach((field, related) -> html.add("<tr><td>#{}.{}</td><td>relation</td><td>the {} "
                    + "entity: #{}.{}.<i>field</i></td><td>{}</td></tr>", entity.entity(), field, related,
                    entity.entity(), field, bundle));
        }
        html.add("</tbody></table><script>(function () {\n"
                + "  var input = document.getElementById('tidings-tag-filter');\n"
                + "  input.addEventListener('input', function () {\n"
                + "    var words = input.value.toLowerCase().trim();\n"
                + "    document.querySelectorAll('table.tidings-tags tbody tr').forEach(function (row) {\n"
                + "      row.hidden = words !== '' && row.textContent.toLowerCase().indexOf(words) < 0;\n"
                + "    });\n"
                + "  });\n"
                + "})();</script>");
        return html.add(orphans(view));
    }

    /** Templates that use a tag no installed provider describes now. */
    private Html orphans(View view) {
        TemplateService templates = services.templates();
        Html list = new Html();
        for (Template t : templates.templates()) {
            for (TemplateProblem problem : templates.validity(t).problems()) {
                if (problem.message() != null && problem.message().startsWith("unknown tag")) {
                    list.add("<li><a href='{}'>{}</a>, {} line {}: {}</li>", view.link("/template", "key", t.key()),
                            t.key(), problem.field(), problem.line(), problem.message());
                }
            }
        }
        String found = list.toString();
        return found.isEmpty() ? Html.of("<h3>Tags no longer provided</h3><p>Every template's tags are provided.</p>")
                : Html.of("<h3>Tags no longer provided</h3><ul class='tidings-orphans'>{}</ul>", list);
    }
}
