package io.tidings.tags.crm;

import static io.tidings.api.tag.FieldType.DATE;
import static io.tidings.api.tag.FieldType.DATE_TIME;
import static io.tidings.api.tag.FieldType.LIST;
import static io.tidings.api.tag.FieldType.TEXT;

import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Component;

import io.tidings.api.tag.FieldDescriptor;
import io.tidings.api.tag.TagProvider;

/**
 * A subscription to services: {@code #subscription.number}, {@code #subscription.services}.
 */
@Component(service = TagProvider.class, property = "tag.entity=" + SubscriptionTags.ENTITY)
public class SubscriptionTags implements TagProvider {

    static final String ENTITY = "subscription";

    private static final List<FieldDescriptor> FIELDS = List.of(
            new FieldDescriptor("number", TEXT, "Subscription number"),
            new FieldDescriptor("type", TEXT, "Subscription type, e.g. Residential"),
            new FieldDescriptor("life_cycle_state", TEXT, "Life cycle state, e.g. Active or Suspended"),
            new FieldDescriptor("services", LIST, "Subscribed services (packages)"),
            new FieldDescriptor("installed_items", LIST, "Installed items (hardware) used by the subscription"),
            new FieldDescriptor("billing_term", TEXT, "Billing term scheme, e.g. Monthly"),
            new FieldDescriptor("activated_on", DATE, "Date the subscription was activated"),
            new FieldDescriptor("created_at", DATE_TIME, "When the subscription was registered"));

    private static final Map<String, String> RELATIONS = Map.of(
            "accounts_receivable", "accounts_receivable",
            "contact_information", "contact_information");

    @Override
    public String entity() {
        return ENTITY;
    }

    @Override
    public String description() {
        return "Subscription of a contact to services, with its account and installed items";
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
