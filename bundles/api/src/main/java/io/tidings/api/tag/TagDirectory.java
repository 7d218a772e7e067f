package io.tidings.api.tag;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The entities and fields of every tag provider installed right now (implemented by the template
 * engine, which tracks providers as they come and go).
 */
@ProviderType
public interface TagDirectory {

    /** Every entity currently provided, by name. */
    List<EntityDescriptor> entities();

    /** Changes whenever a tag provider comes or goes: a key for anything computed from the tags. */
    long version();
}
