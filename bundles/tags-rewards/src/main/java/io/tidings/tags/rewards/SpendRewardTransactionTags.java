package io.tidings.tags.rewards;

import static io.tidings.api.tag.FieldType.DATE;
import static io.tidings.api.tag.FieldType.MONEY;
import static io.tidings.api.tag.FieldType.TEXT;

import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Component;

import io.tidings.api.tag.FieldDescriptor;
import io.tidings.api.tag.TagProvider;

/**
 * A spend transaction: {@code #spend_reward_transaction.total_amount}, {@code #spend_reward_transaction.unit}.
 */
@Component(service = TagProvider.class, property = "tag.entity=" + SpendRewardTransactionTags.ENTITY)
public class SpendRewardTransactionTags implements TagProvider {

    static final String ENTITY = "spend_reward_transaction";

    private static final List<FieldDescriptor> FIELDS = List.of(
            new FieldDescriptor("number", TEXT, "Spend request number"),
            new FieldDescriptor("date", DATE, "Date of the spend"),
            new FieldDescriptor("total_amount", MONEY, "Amount spent"),
            new FieldDescriptor("unit", TEXT, "Unit (shop) the rewards were spent at"));

    private static final Map<String, String> RELATIONS = Map.of(
            "rewards_participant", "rewards_participant");

    @Override
    public String entity() {
        return ENTITY;
    }

    @Override
    public String description() {
        return "Spending of rewards by a member";
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
