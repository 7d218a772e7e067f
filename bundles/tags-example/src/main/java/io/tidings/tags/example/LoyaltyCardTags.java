package io.tidings.tags.example;

import static io.tidings.api.tag.FieldType.DATE;
import static io.tidings.api.tag.FieldType.NUMBER;
import static io.tidings.api.tag.FieldType.TEXT;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Component;

import io.tidings.api.tag.FieldDescriptor;
import io.tidings.api.tag.TagProvider;

/**
 * The example partner tag bundle of the partner's guide: a loyalty card, {@code #loyalty_card.points}.
 * It depends on the api bundle only, so it can be installed into a running Tidings and removed again.
 */
@Component(service = TagProvider.class, property = "tag.entity=" + LoyaltyCardTags.ENTITY)
public class LoyaltyCardTags implements TagProvider {

    static final String ENTITY = "loyalty_card";

    private static final List<FieldDescriptor> FIELDS = List.of(
            new FieldDescriptor("number", TEXT, "Card number printed on the card"),
            new FieldDescriptor("tier", TEXT, "Tier of the card: bronze, silver or gold"),
            new FieldDescriptor("points", NUMBER, "Points on the card"),
            new FieldDescriptor("expires_on", DATE, "Date the points expire"));

    @Override
    public String entity() {
        return ENTITY;
    }

    @Override
    public String description() {
        return "Loyalty card of a customer (example partner tag bundle)";
    }

    @Override
    public List<FieldDescriptor> fields() {
        return FIELDS;
    }

    @Override
    public Map<String, String> relations() {
        return Map.of("contact_information", "contact_information");
    }

    /** A tier is stored in lower case and shown capitalised: "Gold". */
    @Override
    public Optional<String> format(String field, Object value, Locale locale, ZoneId zone) {
        if ("tier".equals(field) && value instanceof String tier && !tier.isEmpty()) {
            return Optional.of(tier.substring(0, 1).toUpperCase(locale) + tier.substring(1));
        }
        return Optional.empty();
    }
}
