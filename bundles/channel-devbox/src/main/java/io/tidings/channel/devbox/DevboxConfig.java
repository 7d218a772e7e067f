package io.tidings.channel.devbox;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** {@code etc/io.tidings.channel.devbox.cfg}; without it the devbox is on with the defaults. */
@ObjectClassDefinition(name = "Tidings devbox",
        description = "The lowest-priority channel for EMAIL and SMS: it takes only what no other channel serves "
                + "and keeps it for reading instead of sending it. Turn it off in production.")
@interface DevboxConfig {

    @AttributeDefinition(name = "Enabled",
            description = "Off: no devbox channel, so a medium without a channel waits in the queue until one is installed")
    boolean enabled() default true;

    @AttributeDefinition(name = "Capacity", description = "Messages kept, newest first; older ones are forgotten", min = "1")
    int capacity() default DevboxArchive.DEFAULT_CAPACITY;
}
