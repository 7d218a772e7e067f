package io.tidings.core.spi;

import java.util.Map;

import org.osgi.annotation.versioning.ConsumerType;

import io.tidings.api.BusinessEvent;
import io.tidings.api.Communication;

/**
 * Adds entries to the data a message is rendered with, next to the event's own data (for example
 * the signed {@code dynamic_link} values of the message's recipient). Called at every attempt,
 * on the engine's thread: keep it fast, and let it throw nothing for a message it has nothing for.
 *
 * <p>Registered as an OSGi service; every registered contributor is asked, in service ranking
 * order. An entry whose name the event data already uses replaces it.
 */
@ConsumerType
public interface RenderDataContributor {

    /** @return the entries to add, by top-level name; empty for none */
    Map<String, Object> renderData(Communication communication, BusinessEvent event);

    /**
     * The entries a template preview is rendered with: values that look real but record nothing when
     * an administrator follows them. @return empty for none
     */
    default Map<String, Object> previewData() {
        return Map.of();
    }
}
