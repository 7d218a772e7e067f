package io.tidings.tags.billing;

import static io.tidings.api.tag.FieldType.DATE_TIME;
import static io.tidings.api.tag.FieldType.MONEY;
import static io.tidings.api.tag.FieldType.TEXT;

import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Component;

import io.tidings.api.tag.FieldDescriptor;
import io.tidings.api.tag.TagProvider;

/**
 * A payment gateway request: {@code #payment_gateway_request.payment_gateway_card.card_holder_name}.
 */
@Component(service = TagProvider.class, property = "tag.entity=" + PaymentGatewayRequestTags.ENTITY)
public class PaymentGatewayRequestTags implements TagProvider {

    static final String ENTITY = "payment_gateway_request";

    private static final List<FieldDescriptor> FIELDS = List.of(
            new FieldDescriptor("number", TEXT, "Request number"),
            new FieldDescriptor("amount", MONEY, "Amount requested"),
            new FieldDescriptor("currency", TEXT, "Currency (ISO 4217 code)"),
            new FieldDescriptor("status", TEXT, "Status, e.g. Posted or Rejected"),
            new FieldDescriptor("requested_on", DATE_TIME, "When the request was made"),
            new FieldDescriptor("error_message", TEXT, "Error returned by the gateway, if any"));

    private static final Map<String, String> RELATIONS = Map.of(
            "accounts_receivable", "accounts_receivable",
            "payment_gateway_card", "payment_gateway_card");

    @Override
    public String entity() {
        return ENTITY;
    }

    @Override
    public String description() {
        return "Request sent to a payment gateway to charge a card";
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
