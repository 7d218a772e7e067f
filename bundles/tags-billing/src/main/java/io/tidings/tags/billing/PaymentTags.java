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
 * A payment: {@code #payment.number}, {@code #payment.accounts_receivable.balance}.
 */
@Component(service = TagProvider.class, property = "tag.entity=" + PaymentTags.ENTITY)
public class PaymentTags implements TagProvider {

    static final String ENTITY = "payment";

    private static final List<FieldDescriptor> FIELDS = List.of(
            new FieldDescriptor("number", TEXT, "Payment number"),
            new FieldDescriptor("amount", MONEY, "Amount paid"),
            new FieldDescriptor("currency", TEXT, "Currency (ISO 4217 code)"),
            new FieldDescriptor("method", TEXT, "Payment method, e.g. Card or Cash"),
            new FieldDescriptor("received_on", DATE_TIME, "When the payment was received"),
            new FieldDescriptor("reference", TEXT, "Reference number of the payment"));

    private static final Map<String, String> RELATIONS = Map.of(
            "accounts_receivable", "accounts_receivable");

    @Override
    public String entity() {
        return ENTITY;
    }

    @Override
    public String description() {
        return "Payment received on an accounts receivable";
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
