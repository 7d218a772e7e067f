package io.tidings.tags.billing;

import static io.tidings.api.tag.FieldType.BOOLEAN;
import static io.tidings.api.tag.FieldType.TEXT;

import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Component;

import io.tidings.api.tag.FieldDescriptor;
import io.tidings.api.tag.TagProvider;

/**
 * A registered payment card: {@code #payment_gateway_card.card_holder_name}. Only the last four digits are a tag: a message never carries a card number.
 */
@Component(service = TagProvider.class, property = "tag.entity=" + PaymentGatewayCardTags.ENTITY)
public class PaymentGatewayCardTags implements TagProvider {

    static final String ENTITY = "payment_gateway_card";

    private static final List<FieldDescriptor> FIELDS = List.of(
            new FieldDescriptor("card_holder_name", TEXT, "Name of the card holder"),
            new FieldDescriptor("last_four_digits", TEXT, "Last four digits of the card number"),
            new FieldDescriptor("brand", TEXT, "Card brand, e.g. Visa"),
            new FieldDescriptor("expiration_date", TEXT, "Expiry month and year, e.g. 09/28"),
            new FieldDescriptor("gateway", TEXT, "Payment gateway the card is registered with"),
            new FieldDescriptor("is_default", BOOLEAN, "Whether this is the default card"));

    private static final Map<String, String> RELATIONS = Map.of(
            "accounts_receivable", "accounts_receivable");

    @Override
    public String entity() {
        return ENTITY;
    }

    @Override
    public String description() {
        return "Card registered with a payment gateway for an accounts receivable";
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
