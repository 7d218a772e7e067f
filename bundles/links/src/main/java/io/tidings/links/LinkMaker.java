package io.tidings.links;

import java.util.Map;

/** The values of the {@code dynamic_link} entity for one message (inside the engine only). */
public interface LinkMaker {

    /** Tag field → signed URL, for the recipient of the communication. */
    Map<String, Object> linksFor(String communicationId);

    /** Links that look real but record nothing, for template previews. */
    Map<String, Object> previewLinks();

    /** An email's parts as tracked: the HTML with its click links and opening image, the text with its click links. */
    record Tracked(String html, String text) {
    }

    /** An email with open and click tracking as configured for its purpose (unchanged when off). */
    default Tracked track(String html, String text, String communicationId, io.tidings.api.Purpose purpose) {
        return new Tracked(html, text);
    }
}
