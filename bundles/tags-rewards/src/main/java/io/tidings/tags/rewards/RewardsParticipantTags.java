package io.tidings.tags.rewards;

import static io.tidings.api.tag.FieldType.DATE;
import static io.tidings.api.tag.FieldType.MONEY;
import static io.tidings.api.tag.FieldType.NUMBER;
import static io.tidings.api.tag.FieldType.TEXT;

import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Component;

import io.tidings.api.tag.FieldDescriptor;
import io.tidings.api.tag.TagProvider;

/**
 * A rewards membership: {@code #rewards_participant.number}, {@code #rewards_participant.sign_up_on}.
 */
@Component(service = TagProvider.class, property = "tag.entity=" + RewardsParticipantTags.ENTITY)
public class RewardsParticipantTags implements TagProvider {

    static final String ENTITY = "rewards_participant";

    private static final List<FieldDescriptor> FIELDS = List.of(
            new FieldDescriptor("number", TEXT, "Membership number"),
            new FieldDescriptor("sign_up_on", DATE, "Date the member signed up"),
            new FieldDescriptor("sign_up_by_unit", TEXT, "Unit that signed the member up"),
            new FieldDescriptor("scheme", TEXT, "Rewards scheme"),
            new FieldDescriptor("tier", TEXT, "Tier of the member, e.g. Gold"),
            new FieldDescriptor("points_balance", NUMBER, "Points available"),
            new FieldDescriptor("wallet_balance", MONEY, "Amount available in the rewards wallet"));

    private static final Map<String, String> RELATIONS = Map.of(
            "accounts_receivable", "accounts_receivable",
            "contact_information", "contact_information");

    @Override
    public String entity() {
        return ENTITY;
    }

    @Override
    public String description() {
        return "Member of a rewards scheme";
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
