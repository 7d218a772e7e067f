package io.tidings.webconsole.page;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.tidings.api.template.TemplateAttachment;
import io.tidings.webconsole.html.Html;

/**
 * The files of an email template in the editor: one row per attachment or inline image, named as
 * the template engine names what it rejects ({@code attachments[1].contentId}), a row to add one,
 * and a box per row to remove it. The rows are saved with the text as one new version, validated
 * as a whole (sources, types, content ids, the HTML's {@code cid:} references, at most 10 files).
 * A file is a declaration, as in the REST API: a URL the template names or a field of the event
 * holding the file; no bytes are uploaded.
 */
final class TemplateFiles {

    /** Present when the form carries the file rows (an email template's editor). */
    static final String MARKER = "files";
    static final String REMOVE = "remove";
    /** As many as the template engine accepts. */
    static final int MAX = 10;

    private static final List<String> PARTS = List.of("filename", "url", "field", "contentType", "contentId");
    private static final Pattern INDEX = Pattern.compile("^attachments\\[(\\d+)]");

    private TemplateFiles() {
    }

    static String field(int row, String part) {
        return "attachments[" + row + "]." + part;
    }

    /** The rows of the form for these files, and an empty one to add a file while there is room. */
    static Html rows(List<TemplateAttachment> files, String faultyField, String problem) {
        Html rows = new Html();
        int count = Math.min(files.size() + 1, MAX);
        for (int i = 0; i < count; i++) {
            TemplateAttachment a = i < files.size() ? files.get(i) : null;
            rows.add(row(i, a, faultyField, problem));
        }
        boolean faulty = "attachments".equals(faultyField);
        return Html.of("<fieldset class='tidings-files'><legend>Files: attachments and inline images</legend>"
                + "<input type='hidden' name='{}' value='1'>{}<p class='tidings-hint'>Each file comes from a "
                + "<strong>URL</strong> (http or https, fetched when a message is sent) or an event <strong>field</strong> "
                + "holding it (<code>bill.pdf</code>), one of the two. An inline image needs a content id that the "
                + "HTML shows as <code>&lt;img src=\"cid:logo\"&gt;</code>. Fill the last row to add a file (at most {}); "
                + "tick Remove to drop one. Files are saved with the text as a new version.</p>{}</fieldset>",
                MARKER, rows, MAX, faulty ? Html.of("<p class='tidings-error' role='alert'>{}</p>", problem) : new Html());
    }

    private static Html row(int i, TemplateAttachment a, String faultyField, String problem) {
        Html html = Html.of("<div class='tidings-file' data-row='{}'>", i);
        for (String part : PARTS) {
            String name = field(i, part);
            String value = a == null ? null : switch (part) {
                case "filename" -> a.filename();
                case "url" -> a.url();
                case "field" -> a.field();
                case "contentType" -> a.contentType();
                default -> a.contentId();
            };
            boolean faulty = name.equals(faultyField);
            html.add("<label>{} <input type='text' name='{}' value='{}' size='{}' class='{}'></label> ", label(part),
                    name, value, part.equals("url") ? 36 : 14, faulty ? "tidings-invalid" : "");
        }
        html.add("<label class='tidings-choice'><input type='checkbox' name='{}' value='true' {}> Inline image</label>",
                field(i, "inline"), Html.of(a != null && a.inline() ? "checked" : ""));
        if (a != null) {
            html.add(" <label class='tidings-choice'><input type='checkbox' name='{}' value='true'> Remove</label>",
                    field(i, REMOVE));
        }
        String prefix = "attachments[" + i + "]";
        if (faultyField != null && (faultyField.equals(prefix) || faultyField.startsWith(prefix + "."))) {
            html.add("<p class='tidings-error' role='alert'>{}</p>", problem);
        }
        return html.add("</div>");
    }

    /** The files as the form states them, in row order; rows left empty or ticked Remove are dropped. */
    static List<TemplateAttachment> read(View view) {
        List<TemplateAttachment> files = new ArrayList<>();
        for (int row : kept(view)) {
            files.add(new TemplateAttachment(view.param(field(row, "filename")), view.param(field(row, "url")),
                    view.param(field(row, "field")), view.param(field(row, "contentType")),
                    "true".equals(view.param(field(row, "inline"))), view.param(field(row, "contentId"))));
        }
        return files;
    }

    /** The form rows that make files, in order: file i of the template is row {@code kept(view).get(i)}. */
    static List<Integer> kept(View view) {
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < MAX + 1; i++) {
            int row = i;
            boolean empty = PARTS.stream().allMatch(part -> view.param(field(row, part)) == null);
            if (!empty && !"true".equals(view.param(field(row, REMOVE)))) {
                rows.add(row);
            }
        }
        return rows;
    }

    /**
     * The form's name for a field the engine named by the file's place in the template
     * ({@code attachments[1].url} is the second kept row, maybe row 2 of the form after a removal).
     */
    static String formField(View view, String field) {
        if (field == null) {
            return null;
        }
        Matcher m = INDEX.matcher(field);
        if (!m.find()) {
            return field;
        }
        List<Integer> rows = kept(view);
        int index = Integer.parseInt(m.group(1));
        return index < rows.size() ? "attachments[" + rows.get(index) + "]" + field.substring(m.end()) : field;
    }

    private static String label(String part) {
        return switch (part) {
            case "filename" -> "File name";
            case "url" -> "URL";
            case "field" -> "or event field";
            case "contentType" -> "Type";
            default -> "Content id";
        };
    }
}
