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

    /**
     * Validates and stores the template as a new version saved by {@code savedBy}, which the
     * version's history shows with the moment of the save. Services that keep no author keep this
     * default, which saves without one.
     *
     * @param savedBy who saves it (a user or an API key's name); null when unknown
     */
    default Template save(Template template, String savedBy) {
        return save(template);
    }

    /**
     * The stored versions of the current template, oldest first, with who saved each and when.
     * Services that keep no author keep this default: the versions without author and time.
     *
     * @return empty when there is no such template
     */
    default List<TemplateVersion> versions(String key) {
        Optional<Template> current = template(key);
        if (current.isEmpty()) {
            return List.of();
        }
        java.util.ArrayList<TemplateVersion> versions = new java.util.ArrayList<>();
        for (int n = 1; n <= current.get().version(); n++) {
            template(key, n).ifPresent(t -> versions.add(new TemplateVersion(t.version(), t.name(), null, null)));
        }
        return versions;
    }

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
