package io.tidings.api.rule;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

import io.tidings.api.ValidationException;

/** Changes over a selection of rules, validated as a whole and applied in one transaction. */
@ProviderType
public interface RuleBulkService {

    /**
     * @return the rules as they are now (changed or created); empty for a delete
     * @throws ValidationException naming the field at fault ({@code rules[2]}, {@code templates[0]});
     *                             nothing was changed then
     */
    List<NotificationRule> apply(RuleBulkOperation operation);
}
