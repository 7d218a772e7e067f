package io.tidings.webconsole.page;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.tidings.api.ValidationException;
import io.tidings.api.access.Unit;
import io.tidings.api.access.UnitScope;
import io.tidings.api.access.UnitTree;
import io.tidings.api.access.Units;
import io.tidings.webconsole.html.Html;
import io.tidings.webconsole.session.Flash;

/**
 * Organisational units (administrators): the tree, a form that creates or edits one (name, parent),
 * and a confirmed delete, refused while units or objects still belong to it. A user limited to units
 * sees its own part of the tree and places units only below its own.
 */
final class UnitPages {

    private final ConsoleServices services;

    UnitPages(ConsoleServices services) {
        this.services = services;
    }

    Html list(View view) {
        UnitScope scope = services.scope(view.access());
        UnitTree tree = services.units().tree();
        Html html = new Html().add("<p><a class='tidings-button' href='{}'>New unit</a></p>", view.link("/unit/edit"));
        if (tree.units().isEmpty()) {
            return html.add("<p>No unit yet. Units form a tree (head office → region → shop); templates, rules,"
                    + " locations and communications may belong to one, and a user with the role"
                    + " tidings-unit-&lt;key&gt; sees only those of its units and the units below.</p>");
        }
        html.add("<table class='nicetable tidings-units'><thead><tr><th>Unit</th><th>Name</th><th>Parent</th>"
                + "<th>Role</th><th>Actions</th></tr></thead><tbody>");
        rows(html, view, scope, tree, null, 0);
        for (Unit orphan : tree.units()) {
            // a unit whose parent is gone would not be reached from the top
            if (orphan.parent() != null && !tree.contains(orphan.parent()) && scope.seesRecord(orphan.key())) {
                row(html, view, orphan, 0);
            }
        }
        return html.add("</tbody></table>");
    }

    private static void rows(Html html, View view, UnitScope scope, UnitTree tree, String parent, int depth) {
        for (Unit unit : tree.children(parent)) {
            if (scope.seesRecord(unit.key())) {
                row(html, view, unit, depth);
            }
            if (depth < 64) {
                rows(html, view, scope, tree, unit.key(), depth + 1);
            }
        }
    }

    private static void row(Html html, View view, Unit unit, int depth) {
        html.add("<tr data-unit='{}'><td style='padding-left:{}em'>{}</td><td>{}</td><td>{}</td><td><code>{}</code></td>"
                + "<td><a href='{}'>Edit</a> <a href='{}'>Delete</a></td></tr>", unit.key(), 0.5 + 1.5 * depth,
                unit.key(), unit.name(), unit.parent() == null ? "-" : unit.parent(), unit.role(),
                view.link("/unit/edit", "key", unit.key()), view.link("/unit/delete", "key", unit.key()));
    }

    Html edit(View view) {
        String key = view.param("key");
        Flash flash = view.flash();
        Map<String, List<String>> values = new LinkedHashMap<>();
        if (!Fields.refill(values, flash) && key != null) {
            Unit unit = visible(view, key);
            values.put("key", List.of(unit.key()));
            values.put("name", List.of(unit.name()));
            values.put("parent", unit.parent() == null ? List.of() : List.of(unit.parent()));
        }
        Fields f = Fields.of(values, flash);
        Html fields = new Html();
        if (key != null) {
            fields.add("<input type='hidden' name='original' value='{}'>", key);
        }
        fields.add("<fieldset><legend>Unit</legend>{}{}{}{}</fieldset><p><button type='submit'>{}</button>"
                + " <a href='{}'>Back to the units</a></p>",
                f.text("key", "Key (lower-case letters, digits and '-')", "shop-1", key != null ? "readonly" : "required"),
                f.text("name", "Name", "Shop 1", "required"),
                f.text("parent", "Parent (the unit above; empty for the top)", "north", "list='tidings-unit-keys'"),
                unitList(services), key == null ? "Create unit" : "Save unit", view.link("/units"));
        return Html.of("<h2>{}</h2>{}", key == null ? "New unit" : "Edit unit " + key,
                view.postForm("/unit/save", "tidings-unit-form", fields));
    }

    /** A datalist of the unit keys, for the unit fields of the forms. */
    static Html unitList(ConsoleServices services) {
        Html list = new Html().add("<datalist id='tidings-unit-keys'>");
        try {
            services.units().units().forEach(u -> list.add("<option value='{}'>{}</option>", u.key(), u.name()));
        } catch (ConsoleServices.Unavailable e) {
            // the field still takes a typed key
        }
        return list.add("</datalist>");
    }

    Redirect save(View view) {
        String original = view.param("original");
        String key = original != null ? original : view.param("key");
        String parent = view.param("parent");
        Map<String, String> typed = RuleFormReader.typed(view);
        try {
            Units units = services.units();
            UnitScope scope = services.scope(view.access());
            if (original == null && key != null && units.unit(key).isPresent()) {
                throw new ValidationException("key", "a unit '" + key + "' exists already: edit it instead");
            }
            if (original != null) {
                visible(view, original);
                scope.check(original);
            }
            if (scope.restricted()) {
                scope.check(parent);
            }
            boolean created = units.save(new Unit(key, view.param("name"), parent));
            return new Redirect("/units", Flash.done((created ? "Created" : "Saved") + " unit " + key + "."));
        } catch (ValidationException e) {
            return new Redirect(original == null ? "/unit/edit" : Html.link("/unit/edit", "key", original),
                    Flash.refused("Not saved: " + e.getMessage(), e.field(), typed));
        }
    }

    Html confirmDelete(View view) {
        Unit unit = visible(view, view.param("key"));
        return Html.of("<h2>Delete unit {}?</h2><p>Users with the role <code>{}</code> then see no more than users"
                + " without it. A unit is deleted only when no unit, template, rule, location or communication"
                + " belongs to it.</p>{}<p><a href='{}'>Keep it</a></p>", unit.key(), unit.role(),
                view.postForm("/unit/delete", "tidings-delete", Html.of("<input type='hidden' name='key' value='{}'>"
                        + "<button type='submit'>Delete unit</button>", unit.key())), view.link("/units"));
    }

    Redirect delete(View view) {
        String key = view.param("key");
        visible(view, key);
        services.scope(view.access()).check(key);
        if (!services.units().delete(key)) {
            throw new ValidationException("key", "there is no unit '" + key + "'");
        }
        return new Redirect("/units", Flash.done("Deleted unit " + key + "."));
    }

    /** The unit, if the user may see it: another's is "no unit", as an unknown one is. */
    private Unit visible(View view, String key) {
        UnitScope scope = services.scope(view.access());
        return services.units().unit(key == null ? "" : key).filter(u -> scope.seesRecord(u.key()))
                .orElseThrow(() -> new ValidationException("key", "there is no unit '" + key + "'"));
    }
}
