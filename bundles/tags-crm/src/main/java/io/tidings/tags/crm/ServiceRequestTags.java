package io.tidings.tags.crm;

import static io.tidings.api.tag.FieldType.DATE_TIME;
import static io.tidings.api.tag.FieldType.TEXT;

import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Component;

import io.tidings.api.tag.FieldDescriptor;
import io.tidings.api.tag.TagProvider;

/**
 * A service request and its response: {@code #service_request.status}, {@code #service_request.response_description}.
 */
@Component(service = TagProvider.class, property = "tag.entity=" + ServiceRequestTags.ENTITY)
public class ServiceRequestTags implements TagProvider {

    static final String ENTITY = "service_request";

    private static final List<FieldDescriptor> FIELDS = List.of(
            new FieldDescriptor("number", TEXT, "Service request number"),
            new FieldDescriptor("type", TEXT, "Service request type, e.g. Technical issue"),
            new FieldDescriptor("status", TEXT, "Status, e.g. resolved or closed"),
            new FieldDescriptor("priority", TEXT, "Priority"),
            new FieldDescriptor("description", TEXT, "Description of the request"),
            new FieldDescriptor("response_description", TEXT, "The response given to the request"),
            new FieldDescriptor("responded_by", TEXT, "Who processed the request"),
            new FieldDescriptor("response_date", DATE_TIME, "When the response was given"),
            new FieldDescriptor("expected_resolution_date", DATE_TIME, "When the request is expected to be resolved"),
            new FieldDescriptor("created_at", DATE_TIME, "When the request was registered"));

    private static final Map<String, String> RELATIONS = Map.of(
            "accounts_receivable", "accounts_receivable",
            "contact_information", "contact_information");

    @Override
    public String entity() {
        return ENTITY;
    }

    @Override
    public String description() {
        return "Service request of a contact, with the response given to it";
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
