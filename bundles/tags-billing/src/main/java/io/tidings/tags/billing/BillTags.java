package io.tidings.tags.billing;

import static io.tidings.api.tag.FieldType.DATE;
import static io.tidings.api.tag.FieldType.MONEY;
import static io.tidings.api.tag.FieldType.TEXT;

import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Component;

import io.tidings.api.tag.FieldDescriptor;
import io.tidings.api.tag.TagProvider;

/**
 * A bill: {@code #bill.number}, {@code #bill.due_date}.
 */
@Component(service = TagProvider.class, property = "tag.entity=" + BillTags.ENTITY)
public class BillTags implements TagProvider {

    static final String ENTITY = "bill";

    private static final List<FieldDescriptor> FIELDS = List.of(
            new FieldDescriptor("number", TEXT, "Bill number"),
            new FieldDescriptor("period", TEXT, "Billing period, e.g. September 2026"),
            new FieldDescriptor("issued_on", DATE, "Date the bill was issued"),
            new FieldDescriptor("due_date", DATE, "Date by which the bill must be settled"),
            new FieldDescriptor("total_amount", MONEY, "Total amount of the bill"),
            new FieldDescriptor("outstanding_amount", MONEY, "Amount of the bill not yet paid"),
            new FieldDescriptor("currency", TEXT, "Currency (ISO 4217 code)"));

    private static final Map<String, String> RELATIONS = Map.of(
            "accounts_receivable", "accounts_receivable");

    @Override
    public String entity() {
        return ENTITY;
    }

    @Override
    public String description() {
        return "Bill issued to an accounts receivable";
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
