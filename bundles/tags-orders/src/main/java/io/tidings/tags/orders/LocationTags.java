package io.tidings.tags.orders;

import static io.tidings.api.tag.FieldType.TEXT;

import java.util.List;

import org.osgi.service.component.annotations.Component;

import io.tidings.api.tag.FieldDescriptor;
import io.tidings.api.tag.TagProvider;

/** A branch where orders are taken and bookings take place: {@code #location.address}. */
@Component(service = TagProvider.class, property = "tag.entity=" + LocationTags.ENTITY)
public class LocationTags implements TagProvider {

    static final String ENTITY = "location";

    private static final List<FieldDescriptor> FIELDS = List.of(
            new FieldDescriptor("name", TEXT, "Name of the branch"),
            new FieldDescriptor("address", TEXT, "Street address of the branch"),
            new FieldDescriptor("phone", TEXT, "Phone number of the branch"),
            new FieldDescriptor("email", TEXT, "Email address of the branch"),
            new FieldDescriptor("website", TEXT, "Website of the branch"),
            new FieldDescriptor("map_url", TEXT, "Link to the branch on a map"),
            new FieldDescriptor("time_zone", TEXT, "Time zone of the branch (IANA name, e.g. Europe/Copenhagen)"),
            new FieldDescriptor("working_hours", TEXT, "Opening hours as shown to clients, e.g. Mon-Fri 9:00-18:00"));

    @Override
    public String entity() {
        return ENTITY;
    }

    @Override
    public String description() {
        return "Branch (location) of the business";
    }

    @Override
    public List<FieldDescriptor> fields() {
        return FIELDS;
    }
}
