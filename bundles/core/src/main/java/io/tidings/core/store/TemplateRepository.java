package io.tidings.core.store;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

import io.tidings.api.template.Template;
import io.tidings.api.template.TemplateVersion;

/** Templates; every save is a new version, old versions are kept. */
@ProviderType
public interface TemplateRepository {

    List<Template> templates();

    Optional<Template> template(String key);

    Optional<Template> template(String key, int version);

    /** Stores the template as the next version and returns it with that version. */
    Template saveTemplate(Template template);

    /** As {@link #saveTemplate(Template)}, recording who saved the version (null: unknown) and now as its time. */
    Template saveTemplate(Template template, String savedBy);

    /** Every stored version of the key, oldest first, with who saved it and when. */
    List<TemplateVersion> versions(String key);

    boolean deleteTemplate(String key);
}
