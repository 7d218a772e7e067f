package io.tidings.core.link;

import java.util.Map;

/** The values of the {@code dynamic_link} entity for one message (inside the engine only). */
public interface LinkMaker {

    /** Tag field → signed URL, for the recipient of the communication. */
    Map<String, Object> linksFor(String communicationId);

    /** Links that look real but record nothing, for template previews. */
    Map<String, Object> previewLinks();

    /** The HTML of an email with open and click tracking as configured for its purpose (unchanged when off). */
    default String track(String html, String communicationId, io.tidings.api.Purpose purpose) {
        return html;
    }
}
