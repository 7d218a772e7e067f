package io.tidings.core.template;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.tidings.api.ValidationException;
import io.tidings.api.template.RenderedMessage;
import io.tidings.api.template.Template;
import io.tidings.api.template.TemplateEngine;
import io.tidings.api.template.TemplateService;
import io.tidings.api.template.TemplateVersion;
import io.tidings.api.template.TemplateValidity;
import io.tidings.core.plan.ManualMessages;
import io.tidings.core.store.TemplateRepository;
import io.tidings.core.support.ExpiringCache;

/**
 * Templates as administrators manage them: validated by the template engine before they are
 * stored, every edit a new version. Current versions are cached briefly because ingest and
 * dispatch read them for every message; a node's own edits apply at once, another node's within
 * the cache's lifetime.
 */
@Component(service = TemplateService.class)
public class CoreTemplateService implements TemplateService {

    private static final Duration CACHE_LIFETIME = Duration.ofSeconds(5);

    @Reference
    private TemplateRepository store;

    @Reference
    private TemplateEngine engine;

    /** Contributors of render data (signed links, …), whose preview values a preview shows. */
    @Reference(cardinality = org.osgi.service.component.annotations.ReferenceCardinality.MULTIPLE,
            policy = org.osgi.service.component.annotations.ReferencePolicy.DYNAMIC,
            policyOption = org.osgi.service.component.annotations.ReferencePolicyOption.GREEDY)
    private final java.util.List<io.tidings.core.spi.RenderDataContributor> contributors =
            new java.util.concurrent.CopyOnWriteArrayList<>();

    private final ExpiringCache<String, Optional<Template>> current = new ExpiringCache<>(CACHE_LIFETIME);

    /** A template version's validity for one set of installed tags: it changes only when the tags do. */
    private record ValidityKey(String key, int version, long tagsVersion) {
    }

    private final Map<ValidityKey, TemplateValidity> validity = new ConcurrentHashMap<>();

    public CoreTemplateService() {
    }

    /** For use outside OSGi (tests, benchmarks). */
    public CoreTemplateService(TemplateRepository store, TemplateEngine engine) {
        this.store = store;
        this.engine = engine;
    }

    @Override
    public List<Template> templates() {
        return store.templates();
    }

    @Override
    public Optional<Template> template(String key) {
        if (key == null) {
            return Optional.empty();
        }
        return current.get(key, store::template);
    }

    @Override
    public Optional<Template> template(String key, int version) {
        return store.template(key, version);
    }

    @Override
    public Template save(Template template) {
        return save(template, null);
    }

    @Override
    public Template save(Template template, String savedBy) {
        if (template == null) {
            throw new ValidationException("body", "a template is required");
        }
        ManualMessages.refuseReservedKey(template.key());
        engine.validate(template);
        io.tidings.core.support.ReplyAddress.check(template.replyTo(), "replyTo");
        if (template.replyTo() != null && template.medium() != io.tidings.api.Medium.EMAIL) {
            throw new ValidationException("replyTo", "only an email template has a Reply-To; this one is for "
                    + template.medium());
        }
        Template saved = store.saveTemplate(template, savedBy);
        current.invalidate(saved.key());
        forgetValidity(saved.key());
        return saved;
    }

    /** The current template's versions (a deleted and re-created template's older ones are not its own). */
    @Override
    public List<TemplateVersion> versions(String key) {
        Optional<Template> now = template(key);
        if (now.isEmpty()) {
            return List.of();
        }
        return store.versions(key).stream().filter(v -> v.version() <= now.get().version()).toList();
    }

    @Override
    public boolean delete(String key) {
        boolean deleted = store.deleteTemplate(key);
        current.invalidate(key);
        forgetValidity(key);
        return deleted;
    }

    /** A deleted and re-created template starts its versions again: what was known of the old one is void. */
    private void forgetValidity(String key) {
        validity.keySet().removeIf(k -> k.key().equals(key));
    }

    @Override
    public TemplateValidity validity(Template template) {
        if (template == null) {
            throw new ValidationException("template", "is required");
        }
        long tags = engine.tagsVersion();
        if (template.key() == null || template.version() <= 0) {
            return TemplateValidity.of(engine.problems(template));
        }
        ValidityKey key = new ValidityKey(template.key(), template.version(), tags);
        TemplateValidity known = validity.get(key);
        if (known != null) {
            return known;
        }
        // entries of older tag sets are dead weight once the tags change
        validity.keySet().removeIf(k -> k.tagsVersion() != tags);
        TemplateValidity computed = TemplateValidity.of(engine.problems(template));
        validity.put(key, computed);
        return computed;
    }

    @Override
    public RenderedMessage preview(String key, String language, Map<String, Object> data) {
        Template template = template(key)
                .orElseThrow(() -> new ValidationException("key", "no template '" + key + "'"));
        Map<String, Object> values = new java.util.HashMap<>(data == null ? Map.of() : data);
        if (!values.containsKey(io.tidings.core.plan.Digests.NAME)) {
            // a digest template previews with its own data as the one gathered event
            values.putAll(io.tidings.core.plan.Digests.of(List.of(new java.util.HashMap<>(values))));
        }
        for (io.tidings.core.spi.RenderDataContributor contributor : contributors) {
            values.putAll(contributor.previewData());
        }
        return engine.render(template, language, values);
    }
}
