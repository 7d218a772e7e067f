package io.tidings.core.store;

import java.util.List;

import io.tidings.api.Communication;
import io.tidings.api.EntityRef;

/**
 * What an event does to digests, applied in the transaction that records it.
 *
 * @param joins  the event's messages for digest rules: each joins the open window of its key, or opens one
 * @param leaves a cancelled or deleted entity whose items leave the digests of a rule not yet sent
 */
public record DigestPlan(List<Join> joins, List<Leave> leaves) {

    public static final DigestPlan NONE = new DigestPlan(List.of(), List.of());

    public DigestPlan {
        joins = List.copyOf(joins);
        leaves = List.copyOf(leaves);
    }

    public boolean isEmpty() {
        return joins.isEmpty() && leaves.isEmpty();
    }

    /**
     * @param key     rule, template and recipient: one open window per contact of a rule and template
     * @param opening the communication that opens a window when none is open: SCHEDULED at its end
     */
    public record Join(String key, Communication opening) {
    }

    /**
     * @param reason the status reason of a digest left with no items, which is CANCELLED
     */
    public record Leave(String ruleKey, EntityRef entity, String reason) {
    }
}
