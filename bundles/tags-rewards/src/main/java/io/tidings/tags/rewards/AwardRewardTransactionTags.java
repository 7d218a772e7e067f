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
 * An award transaction: {@code #award_reward_transaction.rewards_participant.number}, {@code #award_reward_transaction.amount}.
 */
@Component(service = TagProvider.class, property = "tag.entity=" + AwardRewardTransactionTags.ENTITY)
public class AwardRewardTransactionTags implements TagProvider {

    static final String ENTITY = "award_reward_transaction";

    private static final List<FieldDescriptor> FIELDS = List.of(
            new FieldDescriptor("number", TEXT, "Transaction number"),
            new FieldDescriptor("offer", TEXT, "Reward offer that awarded it"),
            new FieldDescriptor("date", DATE, "Date of the award"),
            new FieldDescriptor("amount", MONEY, "Amount awarded"),
            new FieldDescriptor("points", NUMBER, "Points awarded"),
            new FieldDescriptor("expires_on", DATE, "Date the award expires"));

    private static final Map<String, String> RELATIONS = Map.of(
            "rewards_participant", "rewards_participant");

    @Override
    public String entity() {
        return ENTITY;
    }

    @Override
    public String description() {
        return "Reward awarded to a member by an offer";
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
