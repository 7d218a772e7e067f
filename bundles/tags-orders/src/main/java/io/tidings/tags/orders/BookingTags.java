package io.tidings.tags.orders;

import static io.tidings.api.tag.FieldType.DATE_TIME;
import static io.tidings.api.tag.FieldType.MONEY;
import static io.tidings.api.tag.FieldType.NUMBER;
import static io.tidings.api.tag.FieldType.TEXT;

import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Component;

import io.tidings.api.tag.FieldDescriptor;
import io.tidings.api.tag.TagProvider;

/**
 * An appointment in a booking calendar (SimplyBook style): pending, confirmed, rejected,
 * cancelled, rescheduled and reminded bookings all quote these fields.
 */
@Component(service = TagProvider.class, property = "tag.entity=" + BookingTags.ENTITY)
public class BookingTags implements TagProvider {

    static final String ENTITY = "booking";

    private static final List<FieldDescriptor> FIELDS = List.of(
            new FieldDescriptor("number", TEXT, "Booking code shown to the client"),
            new FieldDescriptor("status", TEXT, "Status: pending, confirmed, rejected or cancelled"),
            new FieldDescriptor("previous_status", TEXT, "Status before the last change"),
            new FieldDescriptor("service", TEXT, "Booked service"),
            new FieldDescriptor("provider", TEXT, "Staff member or resource giving the service"),
            new FieldDescriptor("start_at", DATE_TIME, "Start of the appointment"),
            new FieldDescriptor("end_at", DATE_TIME, "End of the appointment"),
            new FieldDescriptor("previous_start_at", DATE_TIME, "Start before the booking was rescheduled"),
            new FieldDescriptor("duration_minutes", NUMBER, "Length of the appointment in minutes"),
            new FieldDescriptor("participants", NUMBER, "Number of people booked"),
            new FieldDescriptor("price", MONEY, "Price of the booking"),
            new FieldDescriptor("currency", TEXT, "Currency of the price (ISO 4217 code)"),
            new FieldDescriptor("cancelled_by", TEXT, "Who cancelled the booking: client or administrator"),
            new FieldDescriptor("cancellation_reason", TEXT, "Reason given for a cancellation or rejection"),
            new FieldDescriptor("comment", TEXT, "Comment for the client, e.g. what to bring"),
            new FieldDescriptor("manage_url", TEXT, "Link where the client reschedules or cancels"),
            new FieldDescriptor("created_at", DATE_TIME, "When the booking was made"));

    private static final Map<String, String> RELATIONS = Map.of(
            "contact_information", "contact_information",
            "location", LocationTags.ENTITY);

    @Override
    public String entity() {
        return ENTITY;
    }

    @Override
    public String description() {
        return "Appointment booked in a calendar";
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
