package io.tidings.api.channel;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * Component property type declaring a channel's routing keys as service properties
 * ({@code channel.medium}, {@code channel.priority}).
 */
@ComponentPropertyType
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface ChannelRoute {
    String PREFIX_ = "channel.";

    /** The media served, e.g. {@code "EMAIL"}. */
    String[] medium();

    /** Higher first. */
    int priority() default 0;
}
