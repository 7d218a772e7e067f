package io.tidings.tags.rewards;

import static io.tidings.api.tag.FieldType.DATE;
import static io.tidings.api.tag.FieldType.DATE_TIME;
import static io.tidings.api.tag.FieldType.LIST;
import static io.tidings.api.tag.FieldType.MONEY;
import static io.tidings.api.tag.FieldType.TEXT;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;

import org.osgi.service.component.annotations.Component;

import io.tidings.api.tag.FieldDescriptor;
import io.tidings.api.tag.TagProvider;

/**
 * A notification run's message to one contact (CRM.COM "Notification Tags"):
 * {@code #notification.total_notified_amount}, {@code #notification.wallets_available_amount}.
 * The per-item amounts are lists of {@code {"name", "amount", "currency"}}: each becomes one line
 * "name: amount", formatted for the message's language, so a template lists them with one tag.
 */
@Component(service = TagProvider.class, property = "tag.entity=" + NotificationTags.ENTITY)
public class NotificationTags implements TagProvider {

    static final String ENTITY = "notification";

    private static final Set<String> AMOUNT_LISTS = Set.of("subscriptions_notified_amount", "bills_notified_amount",
            "wallets_available_amount", "wallets_product_available_amount");

    private static final List<FieldDescriptor> FIELDS = List.of(
            new FieldDescriptor("number", TEXT, "Notification number"),
            new FieldDescriptor("type", TEXT, "Notification type, e.g. Unsettled Subscriptions"),
            new FieldDescriptor("run_on", DATE_TIME, "When the notification run created the message"),
            new FieldDescriptor("total_notified_amount", MONEY, "Total amount the contact is notified about"),
            new FieldDescriptor("subscriptions_notified_amount", LIST,
                    "Notified amount per subscription, one line each: subscription: amount"),
            new FieldDescriptor("bills_notified_amount", LIST, "Notified amount per bill, one line each: bill: amount"),
            new FieldDescriptor("wallets_available_amount", LIST, "Amount available per wallet, one line each"),
            new FieldDescriptor("wallets_product_available_amount", LIST,
                    "Amount available per prepaid product in the wallets, one line each"),
            new FieldDescriptor("wallets_estimated_consumption_date", DATE,
                    "Date the wallet amount is estimated to be consumed"),
            new FieldDescriptor("subscriptions_type", LIST, "Types of the notified subscriptions"),
            new FieldDescriptor("jobs_type", LIST, "Types of the notified (completed) jobs"),
            new FieldDescriptor("activities_type", LIST, "Types of the notified (completed) activities"));

    private static final Map<String, String> RELATIONS = Map.of(
            "accounts_receivable", "accounts_receivable",
            "contact_information", "contact_information");

    @Override
    public String entity() {
        return ENTITY;
    }

    @Override
    public String description() {
        return "Message of a notification run: notified amounts, wallet amounts, subscriptions, jobs and activities";
    }

    @Override
    public List<FieldDescriptor> fields() {
        return FIELDS;
    }

    @Override
    public Map<String, String> relations() {
        return RELATIONS;
    }

    @Override
    public Optional<String> format(String field, Object value, Locale locale, ZoneId zone) {
        if (!AMOUNT_LISTS.contains(field) || !(value instanceof Collection<?> items)) {
            return Optional.empty();
        }
        StringJoiner lines = new StringJoiner("\n");
        for (Object item : items) {
            if (item instanceof Map<?, ?> entry) {
                Object name = entry.get("name");
                String amount = amount(entry.get("amount"), entry.get("currency"), locale);
                lines.add(name == null ? amount : name + ": " + amount);
            } else if (item != null) {
                lines.add(item.toString());
            }
        }
        return Optional.of(lines.toString());
    }

    private static String amount(Object value, Object currency, Locale locale) {
        BigDecimal number;
        try {
            number = value instanceof BigDecimal d ? d : new BigDecimal(String.valueOf(value).trim());
        } catch (NumberFormatException e) {
            return String.valueOf(value);
        }
        NumberFormat format;
        if (currency instanceof String code && code.length() == 3) {
            format = NumberFormat.getCurrencyInstance(locale);
            try {
                format.setCurrency(Currency.getInstance(code.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                format = NumberFormat.getNumberInstance(locale);
            }
        } else {
            format = NumberFormat.getNumberInstance(locale);
        }
        format.setMinimumFractionDigits(2);
        format.setMaximumFractionDigits(2);
        return format.format(number);
    }
}
