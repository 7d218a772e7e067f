package io.tidings.webconsole.page;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.tidings.api.BusinessEvent;
import io.tidings.api.Communication;
import io.tidings.api.CommunicationQuery;
import io.tidings.api.tag.EntityDescriptor;
import io.tidings.api.tag.FieldDescriptor;
import io.tidings.api.template.Template;
import io.tidings.api.template.TemplateContent;

/**
 * The data the editor's live preview starts from: the {@code data} of the newest event that made a
 * message from this template (what its rule really receives), else data made from the tag catalogue
 * for the tags the template uses, one made-up value per field by its type.
 */
final class PreviewSample {

    /** How far back the record is searched for an event of the template. */
    static final int RECENT_COMMUNICATIONS = 200;

    private static final Pattern TAG = Pattern.compile("[#$]!?\\{?([A-Za-z_][A-Za-z0-9_]*)((?:\\.[A-Za-z0-9_]+)+)");

    /** The JSON shown in the sample field and where it came from, in words. */
    record Sample(String json, String source) {
    }

    private PreviewSample() {
    }

    static Sample of(ConsoleServices services, Template template, List<EntityDescriptor> catalogue) {
        try {
            List<Communication> newest = services.notifications().communications(
                    CommunicationQuery.all(RECENT_COMMUNICATIONS));
            for (Communication c : newest) {
                if (template.key().equals(c.templateKey()) && c.eventId() != null) {
                    BusinessEvent event = services.notifications().event(c.eventId()).orElse(null);
                    if (event != null && event.data() != null && !event.data().isEmpty()) {
                        return new Sample(SampleData.write(event.data()), "the data of event " + event.id()
                                + " (" + event.type() + (c.ruleKey() == null ? "" : ", rule " + c.ruleKey())
                                + "), the newest that made a message from this template");
                    }
                }
            }
        } catch (ConsoleServices.Unavailable e) {
            // no engine bound: the catalogue's made-up values still let the editor preview
        }
        return new Sample(SampleData.write(fromCatalogue(template, catalogue)),
                "made-up values for the tags this template uses (no event has used it yet)");
    }

    /** For every {@code #entity.field} (and relation path) the template names, a value of the field's type. */
    static Map<String, Object> fromCatalogue(Template template, List<EntityDescriptor> catalogue) {
        Map<String, EntityDescriptor> entities = new LinkedHashMap<>();
        catalogue.forEach(e -> entities.put(e.entity(), e));
        Map<String, Object> data = new LinkedHashMap<>();
        for (TemplateContent content : template.contents().values()) {
            for (String text : new String[] {content.subject(), content.html(), content.text()}) {
                if (text == null) {
                    continue;
                }
                Matcher m = TAG.matcher(text);
                while (m.find()) {
                    put(data, entities, m.group(1), m.group(2).substring(1).split("\\."));
                }
            }
        }
        return data;
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> data, Map<String, EntityDescriptor> entities, String entityName,
            String[] path) {
        EntityDescriptor entity = entities.get(entityName);
        if (entity == null) {
            return;
        }
        Map<String, Object> node = (Map<String, Object>) data.computeIfAbsent(entityName, n -> new LinkedHashMap<>());
        for (String name : path) {
            FieldDescriptor field = entity.fields().stream().filter(f -> f.name().equals(name)).findFirst().orElse(null);
            if (field != null) {
                node.putIfAbsent(name, value(field));
                return;
            }
            String related = entity.relations().get(name);
            entity = related == null ? null : entities.get(related);
            if (entity == null || !(node.computeIfAbsent(name, n -> new LinkedHashMap<>()) instanceof Map<?, ?> inner)) {
                return;
            }
            node = (Map<String, Object>) inner;
        }
    }

    private static Object value(FieldDescriptor field) {
        return switch (field.type()) {
            case NUMBER -> 1001;
            case MONEY -> 1250.50;
            case DATE -> "2026-12-24";
            case DATE_TIME -> "2026-12-24T13:00:00Z";
            case BOOLEAN -> true;
            case LIST -> List.of();
            default -> "Sample " + field.name().replace('_', ' ');
        };
    }
}
