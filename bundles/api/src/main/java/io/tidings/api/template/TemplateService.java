package io.tidings.api.template;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

import io.tidings.api.ValidationException;

/** Stores templates (with their versions) and previews them. */
@ProviderType
public interface TemplateService {

    List<Template> templates();

    /** The current version. */
    Optional<Template> template(String key);

    /** A given version, kept after edits. */
    Optional<Template> template(String key, int version);

    /**
     * Validates and stores the template as a new version.
     *
     * @return the stored template with its version
     * @throws ValidationException naming the field, with line and column for content errors
     */
    Template save(Template template);

    /** @return false when no such template */
    boolean delete(String key);

    /**
     * Whether the template still renders with the tag providers installed now (a stored template
     * turns invalid when a tag bundle it uses is uninstalled). Services that cannot tell keep this
     * default.
     */
    default TemplateValidity validity(Template template) {
        return TemplateValidity.VALID;
    }

    /** Renders the current version with sample data. */
    RenderedMessage preview(String key, String language, Map<String, Object> data);
}
