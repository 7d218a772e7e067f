package io.tidings.api.rule;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

import io.tidings.api.BusinessEvent;
import io.tidings.api.ValidationException;

/** A dry run: what every rule would do with an event, storing nothing. */
@ProviderType
public interface RuleExplainer {

    /**
     * @return one plan per rule: matched or why not (trigger, location, condition), and per message
     *         its recipient, its moment and any consent refusal
     * @throws ValidationException when the event is malformed
     */
    List<RulePlan> explain(BusinessEvent event);
}
