package io.tidings.core.consent;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Tidings suppression list",
        description = "When soft bounces put an address on the suppression list")
public @interface SuppressionConfiguration {

    @AttributeDefinition(name = "Soft bounces", description = "Soft bounces of an address within the window that "
            + "suppress it for everything", min = "1")
    int softBounceLimit() default 3;

    @AttributeDefinition(name = "Window (days)", description = "How far back soft bounces count", min = "1")
    int softBounceDays() default 7;
}
