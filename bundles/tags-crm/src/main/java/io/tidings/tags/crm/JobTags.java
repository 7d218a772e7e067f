package io.tidings.tags.crm;

import static io.tidings.api.tag.FieldType.DATE;
import static io.tidings.api.tag.FieldType.DATE_TIME;
import static io.tidings.api.tag.FieldType.MONEY;
import static io.tidings.api.tag.FieldType.TEXT;

import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Component;

import io.tidings.api.tag.FieldDescriptor;
import io.tidings.api.tag.TagProvider;

/**
 * A job: {@code #job.type}, {@code #job.number}.
 */
@Component(service = TagProvider.class, property = "tag.entity=" + JobTags.ENTITY)
public class JobTags implements TagProvider {

    static final String ENTITY = "job";

    private static final List<FieldDescriptor> FIELDS = List.of(
            new FieldDescriptor("number", TEXT, "Job number"),
            new FieldDescriptor("type", TEXT, "Job type, e.g. Installation"),
            new FieldDescriptor("status", TEXT, "Life cycle state, e.g. Completed"),
            new FieldDescriptor("priority", TEXT, "Priority"),
            new FieldDescriptor("description", TEXT, "Description of the work"),
            new FieldDescriptor("expected_completion_date", DATE, "Date the job is expected to be completed"),
            new FieldDescriptor("completed_on", DATE_TIME, "When the job was completed"),
            new FieldDescriptor("total_amount", MONEY, "Amount charged for the job"));

    private static final Map<String, String> RELATIONS = Map.of(
            "accounts_receivable", "accounts_receivable",
            "contact_information", "contact_information",
            "subscription", "subscription");

    @Override
    public String entity() {
        return ENTITY;
    }

    @Override
    public String description() {
        return "Job: a set of work done for a contact (installation, relocation, repair)";
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
