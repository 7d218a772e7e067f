package io.tidings.template.velocity.tag;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tidings.api.tag.TagProvider;
import io.tidings.template.velocity.sandbox.TemplateObject;

/**
 * One entity of the event data as a template sees it ({@code $order} after {@code #order.status}
 * was rewritten). A related entity ({@code #payment.accounts_receivable.balance}) comes from the
 * owner's snapshot, else from the event data at top level, else from the tag provider's
 * {@link TagProvider#fetchRelated}, fetched at most once per rendering.
 */
public final class EntityView implements TemplateObject {

    private static final Logger LOG = LoggerFactory.getLogger(EntityView.class);

    private final String entity;
    private final Map<?, ?> snapshot;
    private final Map<String, Object> data;
    private final TagCatalog catalog;
    /** A rendering is single-threaded; the memo lives as long as that rendering. */
    private final Map<String, Optional<EntityView>> related = new HashMap<>();

    EntityView(String entity, Map<?, ?> snapshot, Map<String, Object> data, TagCatalog catalog) {
        this.entity = entity;
        this.snapshot = snapshot;
        this.data = data;
        this.catalog = catalog;
    }

    public String entity() {
        return entity;
    }

    @Override
    public Object property(String name) {
        Object value = snapshot.get(name);
        String target = catalog.relationTarget(entity, name);
        if (target == null) {
            return value;
        }
        if (value instanceof Map<?, ?> nested) {
            return new EntityView(target, nested, data, catalog);
        }
        if (value != null) {
            return value;
        }
        return related.computeIfAbsent(name, relation -> fetch(relation, target)).orElse(null);
    }

    private Optional<EntityView> fetch(String relation, String target) {
        Object top = data.get(target);
        if (!(top instanceof Map) && !relation.equals(target)) {
            top = data.get(relation);
        }
        if (top instanceof Map<?, ?> map) {
            return Optional.of(new EntityView(target, map, data, catalog));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> owner = (Map<String, Object>) snapshot;
        for (TagProvider provider : catalog.providers(entity)) {
            try {
                Optional<Map<String, Object>> fetched = provider.fetchRelated(relation, owner);
                if (fetched != null && fetched.isPresent()) {
                    return Optional.of(new EntityView(target, fetched.get(), data, catalog));
                }
            } catch (RuntimeException e) {
                // a missing value renders empty; the provider's failure is for the operator's log
                LOG.warn("Tag provider for '{}' failed to fetch the related '{}'", entity, relation, e);
            }
        }
        return Optional.empty();
    }

    /** An entity inserted as a whole has no text of its own. */
    @Override
    public String toString() {
        return "";
    }
}
