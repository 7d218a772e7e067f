package io.tidings.tags.orders;

import static io.tidings.api.tag.FieldType.DATE_TIME;
import static io.tidings.api.tag.FieldType.LIST;
import static io.tidings.api.tag.FieldType.MONEY;
import static io.tidings.api.tag.FieldType.TEXT;

import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Component;

import io.tidings.api.tag.FieldDescriptor;
import io.tidings.api.tag.TagProvider;

/**
 * A work order of a repair shop (RemOnline style): {@code #order.status}, {@code #order.scheduled_at}.
 * Amounts are MONEY and get the engine's locale formatting; the currency is its own tag, because
 * the owning snapshot is not available when a single value is formatted.
 */
@Component(service = TagProvider.class, property = "tag.entity=" + OrderTags.ENTITY)
public class OrderTags implements TagProvider {

    static final String ENTITY = "order";

    private static final List<FieldDescriptor> FIELDS = List.of(
            new FieldDescriptor("number", TEXT, "Order number as the client knows it, e.g. A-1042"),
            new FieldDescriptor("type", TEXT, "Order type, e.g. repair, warranty repair, diagnostics"),
            new FieldDescriptor("status", TEXT, "Current status, e.g. In progress or Ready"),
            new FieldDescriptor("previous_status", TEXT, "Status before the last change"),
            new FieldDescriptor("device", TEXT, "Device brand and model, e.g. Apple iPhone 13"),
            new FieldDescriptor("serial_number", TEXT, "Serial number or IMEI of the device"),
            new FieldDescriptor("malfunction", TEXT, "Problem as described by the client"),
            new FieldDescriptor("works", LIST, "Works and parts on the order"),
            new FieldDescriptor("estimated_cost", MONEY, "Cost estimate agreed with the client"),
            new FieldDescriptor("prepayment", MONEY, "Amount paid in advance"),
            new FieldDescriptor("total", MONEY, "Total amount of the order"),
            new FieldDescriptor("amount_due", MONEY, "Amount left to pay at pickup"),
            new FieldDescriptor("currency", TEXT, "Currency of the amounts (ISO 4217 code, e.g. UAH, EUR, DKK)"),
            new FieldDescriptor("created_at", DATE_TIME, "When the order was created"),
            new FieldDescriptor("scheduled_at", DATE_TIME, "Appointment time booked for the client"),
            new FieldDescriptor("due_at", DATE_TIME, "When the work is promised to be done"),
            new FieldDescriptor("ready_at", DATE_TIME, "When the order became ready for pickup"),
            new FieldDescriptor("closed_at", DATE_TIME, "When the order was closed and handed over"),
            new FieldDescriptor("manager_name", TEXT, "Manager responsible for the order"),
            new FieldDescriptor("manager_email", TEXT, "Email address of the manager"),
            new FieldDescriptor("engineer_name", TEXT, "Technician working on the order"),
            new FieldDescriptor("comment", TEXT, "Comment for the client"),
            new FieldDescriptor("tracking_url", TEXT, "Link where the client follows the order"),
            new FieldDescriptor("review_url", TEXT, "Link where the client rates the work"));

    private static final Map<String, String> RELATIONS = Map.of(
            "contact_information", "contact_information",
            "location", LocationTags.ENTITY);

    @Override
    public String entity() {
        return ENTITY;
    }

    @Override
    public String description() {
        return "Work order of a repair or service shop";
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
