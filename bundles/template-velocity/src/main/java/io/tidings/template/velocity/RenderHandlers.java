package io.tidings.template.velocity;

import java.util.List;
import java.util.Set;

import org.apache.velocity.context.Context;
import org.apache.velocity.app.event.IncludeEventHandler;
import org.apache.velocity.app.event.InvalidReferenceEventHandler;
import org.apache.velocity.app.event.ReferenceInsertionEventHandler;
import org.apache.velocity.util.introspection.Info;

import io.tidings.template.velocity.html.Html;
import io.tidings.template.velocity.json.JsonPayload;
import io.tidings.template.velocity.sandbox.RenderBudget;
import io.tidings.template.velocity.sandbox.SandboxViolation;
import io.tidings.template.velocity.tag.TagCatalog;
import io.tidings.template.velocity.tag.TagSyntax;
import io.tidings.template.velocity.tag.ValueFormatter;

/**
 * The event handlers of one part's rendering: values are formatted (and HTML-escaped in an HTML
 * part) as they are inserted, a missing value renders as nothing except an unrestricted one, which
 * the user must have filled in, and {@code #include}/{@code #parse} are refused.
 */
final class RenderHandlers implements ReferenceInsertionEventHandler, InvalidReferenceEventHandler, IncludeEventHandler {

    private final ValueFormatter formatter;
    private final boolean html;
    private final RenderBudget budget;
    private final Set<String> blanks;
    /** Values are JSON-escaped (a structured medium's payload). */
    private final boolean json;
    /** Every value renders as {@link JsonPayload#PLACEHOLDER}: a payload checked without data. */
    private final boolean placeholders;

    /** @param blanks where the tags that render empty are noted ({@code #order.pickup_time}) */
    RenderHandlers(ValueFormatter formatter, boolean html, RenderBudget budget, Set<String> blanks) {
        this(formatter, html, false, false, budget, blanks);
    }

    RenderHandlers(ValueFormatter formatter, boolean html, boolean json, boolean placeholders, RenderBudget budget,
            Set<String> blanks) {
        this.formatter = formatter;
        this.html = html;
        this.json = json;
        this.placeholders = placeholders;
        this.budget = budget;
        this.blanks = blanks;
    }

    @Override
    public Object referenceInsert(Context context, String reference, Object value) {
        if (placeholders && !(value instanceof org.apache.velocity.runtime.Renderable)) {
            return JsonPayload.PLACEHOLDER;
        }
        if (value == null) {
            noteBlank(reference);
            return "";
        }
        if (value instanceof org.apache.velocity.runtime.Renderable) {
            // #define blocks and macro bodies render themselves (and their references come through here)
            return value;
        }
        String text = formatter.format(TagSyntax.referencePath(reference), value);
        // inside a string ("$s$s") a value is not written to the output yet: bound it here
        budget.checkLength(text.length(), "the value of " + reference, null);
        if (text.isBlank()) {
            noteBlank(reference);
        }
        return html ? Html.escape(text) : json ? JsonPayload.escape(text) : text;
    }

    /** A tag (two segments or more) that inserts nothing; variables of the template's own are not tags. */
    private void noteBlank(String reference) {
        List<String> path = TagSyntax.referencePath(reference);
        if (path != null && path.size() >= 2) {
            blanks.add("#" + String.join(".", path));
        }
    }

    @Override
    public Object invalidGetMethod(Context context, String reference, Object object, String property, Info info) {
        List<String> path = TagSyntax.referencePath(reference);
        if (path != null && path.size() >= 2 && TagCatalog.UNRESTRICTED.equals(path.get(0))) {
            throw new MissingUnrestrictedValue(String.join(".", path), info.getLine(), info.getColumn());
        }
        return null;
    }

    @Override
    public boolean invalidSetMethod(Context context, String leftreference, String rightreference, Info info) {
        return false;
    }

    @Override
    public Object invalidMethod(Context context, String reference, Object object, String method, Info info) {
        return null;
    }

    @Override
    public String includeEvent(Context context, String includeResourcePath, String currentResourcePath,
            String directiveName) {
        throw new SandboxViolation("#" + directiveName + " is not allowed: templates have no access to files", 0, 0);
    }

    /** An unrestricted tag the user did not fill in: the message cannot go out like that. */
    static final class MissingUnrestrictedValue extends RuntimeException {
        private static final long serialVersionUID = 1L;

        final int line;
        final int velocityColumn;

        MissingUnrestrictedValue(String path, int line, int velocityColumn) {
            super("no value for the unrestricted tag #" + path);
            this.line = line;
            this.velocityColumn = velocityColumn;
        }
    }
}
