package io.tidings.template.velocity.tag;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tidings.api.tag.EntityDescriptor;
import io.tidings.api.tag.FieldDescriptor;
import io.tidings.api.tag.TagProvider;

/**
 * The entities and fields the installed tag providers describe, as one immutable snapshot: a new
 * snapshot is taken whenever a provider comes or goes, so a render never sees half a change.
 */
public final class TagCatalog {

    /** The entity whose values the user types in when creating a communication. */
    public static final String UNRESTRICTED = "unrestricted";

    /** A digest message's gathered events ({@code #digest.items}) and their number ({@code #digest.count}). */
    public static final String DIGEST = "digest";

    private static final List<String> DIGEST_FIELDS = List.of("items", "count");

    private static final Logger LOG = LoggerFactory.getLogger(TagCatalog.class);

    /** A field of an entity and the provider that describes (and formats) it. */
    public record Field(String entity, FieldDescriptor descriptor, TagProvider provider) {
    }

    /** What a tag path means: a field, an unrestricted value, or a problem to report. */
    public sealed interface Resolution permits Resolved, Unrestricted, DigestValue, Problem {
    }

    /** {@code #digest.items} or {@code #digest.count}. */
    public record DigestValue(String name) implements Resolution {
    }

    public record Resolved(Field field) implements Resolution {
    }

    public record Unrestricted(String name) implements Resolution {
    }

    public record Problem(String message) implements Resolution {
    }

    private record Entity(List<TagProvider> providers, Map<String, Field> fields, Map<String, String> relations) {
    }

    private final Map<String, Entity> entities;

    private TagCatalog(Map<String, Entity> entities) {
        this.entities = entities;
    }

    public static TagCatalog of(Collection<TagProvider> providers) {
        Map<String, List<TagProvider>> byEntity = new LinkedHashMap<>();
        Map<String, Map<String, Field>> fields = new LinkedHashMap<>();
        Map<String, Map<String, String>> relations = new LinkedHashMap<>();
        for (TagProvider provider : providers) {
            try {
                String entity = provider.entity();
                List<FieldDescriptor> descriptors = provider.fields();
                Map<String, String> related = provider.relations();
                if (entity == null || UNRESTRICTED.equals(entity) || DIGEST.equals(entity)) {
                    LOG.warn("Ignoring tag provider {}: entity name '{}' is reserved or missing",
                            provider.getClass().getName(), entity);
                    continue;
                }
                byEntity.computeIfAbsent(entity, e -> new ArrayList<>()).add(provider);
                Map<String, Field> entityFields = fields.computeIfAbsent(entity, e -> new LinkedHashMap<>());
                for (FieldDescriptor descriptor : descriptors == null ? List.<FieldDescriptor>of() : descriptors) {
                    // the first provider of an entity wins a field both describe
                    entityFields.putIfAbsent(descriptor.name(), new Field(entity, descriptor, provider));
                }
                Map<String, String> entityRelations = relations.computeIfAbsent(entity, e -> new LinkedHashMap<>());
                if (related != null) {
                    related.forEach(entityRelations::putIfAbsent);
                }
            } catch (RuntimeException e) {
                // a broken partner bundle must not take every template down with it
                LOG.warn("Ignoring tag provider {}: it failed to describe its entity", provider.getClass().getName(), e);
            }
        }
        Map<String, Entity> entities = new LinkedHashMap<>();
        byEntity.forEach((name, list) -> entities.put(name, new Entity(List.copyOf(list),
                Collections.unmodifiableMap(fields.get(name)), Collections.unmodifiableMap(relations.get(name)))));
        return new TagCatalog(Collections.unmodifiableMap(entities));
    }

    /** Every entity with its fields and relations, as the editor's autocomplete lists them. */
    public List<EntityDescriptor> describe() {
        List<EntityDescriptor> described = new ArrayList<>();
        entities.forEach((name, entity) -> {
            String description = name;
            for (TagProvider provider : entity.providers()) {
                try {
                    String own = provider.description();
                    if (own != null && !own.isBlank()) {
                        description = own;
                        break;
                    }
                } catch (RuntimeException e) {
                    LOG.warn("Tag provider {} failed to describe '{}'", provider.getClass().getName(), name, e);
                }
            }
            List<FieldDescriptor> fields = new ArrayList<>();
            entity.fields().values().forEach(f -> fields.add(f.descriptor()));
            described.add(new EntityDescriptor(name, description, fields, entity.relations()));
        });
        return Collections.unmodifiableList(described);
    }

    public boolean hasEntity(String entity) {
        return entities.containsKey(entity);
    }

    /** The entity type a relation field leads to, or null when the field is no relation. */
    public String relationTarget(String entity, String relation) {
        Entity e = entities.get(entity);
        return e == null ? null : e.relations().get(relation);
    }

    public List<TagProvider> providers(String entity) {
        Entity e = entities.get(entity);
        return e == null ? List.of() : e.providers();
    }

    /** What a tag path ({@code payment.accounts_receivable.balance}) stands for. */
    public Resolution resolve(List<String> path) {
        if (path == null || path.size() < 2) {
            return new Problem("a tag names an entity and a field, e.g. #contact_information.name");
        }
        String root = path.get(0);
        if (UNRESTRICTED.equals(root)) {
            return new Unrestricted(String.join(".", path.subList(1, path.size())));
        }
        if (DIGEST.equals(root)) {
            return path.size() == 2 && DIGEST_FIELDS.contains(path.get(1)) ? new DigestValue(path.get(1))
                    : new Problem("a digest has #digest.items (each a gathered event's data, e.g. $item.order.number "
                            + "in #foreach($item in #digest.items)) and #digest.count");
        }
        Entity entity = entities.get(root);
        if (entity == null) {
            return new Problem("no installed tag provider describes the entity '" + root + "'");
        }
        String entityName = root;
        for (int i = 1; i < path.size(); i++) {
            String segment = path.get(i);
            boolean last = i == path.size() - 1;
            Field field = entity.fields().get(segment);
            String target = entity.relations().get(segment);
            if (last) {
                if (field != null) {
                    return new Resolved(field);
                }
                if (target != null) {
                    return new Problem("'" + segment + "' is the related entity " + target
                            + "; name one of its fields, e.g. #" + String.join(".", path) + ".number");
                }
                return new Problem("the entity '" + entityName + "' has no field '" + segment + "'");
            }
            if (target == null) {
                return new Problem(field != null
                        ? "the field '" + entityName + "." + segment + "' has no fields of its own"
                        : "the entity '" + entityName + "' has no related entity '" + segment + "'");
            }
            Entity next = entities.get(target);
            if (next == null) {
                return new Problem("no installed tag provider describes the entity '" + target
                        + "' (related to '" + entityName + "' as '" + segment + "')");
            }
            entity = next;
            entityName = target;
        }
        throw new IllegalStateException("unreachable");
    }
}
