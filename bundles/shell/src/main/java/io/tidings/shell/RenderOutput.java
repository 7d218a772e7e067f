package io.tidings.shell;

import java.util.ArrayList;
import java.util.List;

import io.tidings.api.template.RenderedMessage;

/** What {@code tidings:render} prints: the language decision, then each rendered part. */
final class RenderOutput {

    private RenderOutput() {
    }

    static List<String> lines(RenderedMessage m) {
        List<String> lines = new ArrayList<>();
        lines.add("Language: " + m.language() + (m.languageReason() == null ? "" : " (" + m.languageReason() + ")"));
        lines.add("Version:  " + m.templateVersion());
        if (m.subject() != null) {
            lines.add("Subject:  " + m.subject());
        }
        section(lines, "text", m.text());
        section(lines, "html", m.html());
        return lines;
    }

    private static void section(List<String> lines, String name, String content) {
        if (content == null) {
            return;
        }
        lines.add("--- " + name + " ---");
        lines.addAll(content.lines().toList());
    }
}
