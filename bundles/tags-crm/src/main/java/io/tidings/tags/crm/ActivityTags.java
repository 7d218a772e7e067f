package io.tidings.tags.crm;

import static io.tidings.api.tag.FieldType.DATE_TIME;
import static io.tidings.api.tag.FieldType.TEXT;

import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Component;

import io.tidings.api.tag.FieldDescriptor;
import io.tidings.api.tag.TagProvider;

/**
 * An activity: {@code #activity.type}, {@code #activity.number}.
 */
@Component(service = TagProvider.class, property = "tag.entity=" + ActivityTags.ENTITY)
public class ActivityTags implements TagProvider {

    static final String ENTITY = "activity";

    private static final List<FieldDescriptor> FIELDS = List.of(
            new FieldDescriptor("number", TEXT, "Activity number"),
            new FieldDescriptor("type", TEXT, "Activity type, e.g. Technician visit"),
            new FieldDescriptor("status", TEXT, "Life cycle state"),
            new FieldDescriptor("description", TEXT, "Description"),
            new FieldDescriptor("assigned_to", TEXT, "User or unit the activity is assigned to"),
            new FieldDescriptor("start_date", DATE_TIME, "When the activity starts"),
            new FieldDescriptor("end_date", DATE_TIME, "When the activity ends"));

    private static final Map<String, String> RELATIONS = Map.of(
            "contact_information", "contact_information");

    @Override
    public String entity() {
        return ENTITY;
    }

    @Override
    public String description() {
        return "Activity: an appointment or task carried out for a contact";
    }

    @Override
    public List<FieldDescriptor> fields() {
        return FIELDS;
    }

    @Override
    public Map<String, String> relations() {
        return RELATIONS;
    }
}
