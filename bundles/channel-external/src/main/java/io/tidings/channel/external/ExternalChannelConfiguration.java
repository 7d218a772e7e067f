package io.tidings.channel.external;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Tidings external channel",
        description = "Messages routed here wait for an external system to claim them over REST and acknowledge them")
public @interface ExternalChannelConfiguration {

    @AttributeDefinition(name = "Name", description = "Channel name, used in /queue/<name>/claim; empty for external-<alias>",
            required = false)
    String name() default "";

    @AttributeDefinition(name = "Media", description = "EMAIL and/or SMS")
    String[] channel_medium() default {"SMS"};

    @AttributeDefinition(name = "Priority", description = "Routing priority among the channels of a medium (higher first)")
    int channel_priority() default 0;

    @AttributeDefinition(name = "Unit", description = "The organisational unit the channel belongs to: a key or user"
            + " limited to units claims its messages only when the unit is one of theirs or below them; empty for"
            + " none (head office: unrestricted callers only)", required = false)
    String unit() default "";
}
