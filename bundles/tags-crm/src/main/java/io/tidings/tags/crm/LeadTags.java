package io.tidings.tags.crm;

import static io.tidings.api.tag.FieldType.DATE;
import static io.tidings.api.tag.FieldType.MONEY;
import static io.tidings.api.tag.FieldType.TEXT;

import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Component;

import io.tidings.api.tag.FieldDescriptor;
import io.tidings.api.tag.TagProvider;

/**
 * A lead: {@code #lead.number}, {@code #lead.status}.
 */
@Component(service = TagProvider.class, property = "tag.entity=" + LeadTags.ENTITY)
public class LeadTags implements TagProvider {

    static final String ENTITY = "lead";

    private static final List<FieldDescriptor> FIELDS = List.of(
            new FieldDescriptor("number", TEXT, "Lead number"),
            new FieldDescriptor("type", TEXT, "Lead type"),
            new FieldDescriptor("status", TEXT, "Status, e.g. Qualified"),
            new FieldDescriptor("source", TEXT, "Where the lead came from"),
            new FieldDescriptor("title", TEXT, "Title of the lead"),
            new FieldDescriptor("expected_revenue", MONEY, "Expected revenue"),
            new FieldDescriptor("expected_close_date", DATE, "Expected close date"),
            new FieldDescriptor("assigned_to", TEXT, "User the lead is assigned to"));

    private static final Map<String, String> RELATIONS = Map.of(
            "contact_information", "contact_information");

    @Override
    public String entity() {
        return ENTITY;
    }

    @Override
    public String description() {
        return "Lead: a prospective customer being followed up";
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
