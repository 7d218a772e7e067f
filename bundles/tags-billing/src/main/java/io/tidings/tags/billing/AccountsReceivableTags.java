package io.tidings.tags.billing;

import static io.tidings.api.tag.FieldType.MONEY;
import static io.tidings.api.tag.FieldType.TEXT;

import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Component;

import io.tidings.api.tag.FieldDescriptor;
import io.tidings.api.tag.TagProvider;

/**
 * An accounts receivable: {@code #accounts_receivable.balance}, {@code #accounts_receivable.outstanding_amount}.
 */
@Component(service = TagProvider.class, property = "tag.entity=" + AccountsReceivableTags.ENTITY)
public class AccountsReceivableTags implements TagProvider {

    static final String ENTITY = "accounts_receivable";

    private static final List<FieldDescriptor> FIELDS = List.of(
            new FieldDescriptor("number", TEXT, "Account number"),
            new FieldDescriptor("name", TEXT, "Account name"),
            new FieldDescriptor("balance", MONEY, "Current balance"),
            new FieldDescriptor("outstanding_amount", MONEY, "Amount due and not yet paid"),
            new FieldDescriptor("credit_limit", MONEY, "Credit limit"),
            new FieldDescriptor("currency", TEXT, "Currency of the account (ISO 4217 code, e.g. EUR)"),
            new FieldDescriptor("life_cycle_state", TEXT, "Life cycle state, e.g. Active"),
            new FieldDescriptor("payment_preference", TEXT, "Preferred payment method"));

    private static final Map<String, String> RELATIONS = Map.of(
            "contact_information", "contact_information");

    @Override
    public String entity() {
        return ENTITY;
    }

    @Override
    public String description() {
        return "Accounts receivable: the account a contact pays from, with balance and outstanding amount";
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
