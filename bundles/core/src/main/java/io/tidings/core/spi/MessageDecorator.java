package io.tidings.core.spi;

import org.osgi.annotation.versioning.ConsumerType;

import io.tidings.api.Communication;
import io.tidings.api.Purpose;
import io.tidings.api.channel.OutboundMessage;

/**
 * Changes a rendered message before it is handed to its channel (for example open and click
 * tracking, or a one-click unsubscribe link). Called at every attempt, on the engine's thread.
 *
 * <p>Registered as an OSGi service; every registered decorator is applied in service ranking
 * order, each to the result of the one before.
 */
@ConsumerType
public interface MessageDecorator {

    /**
     * @param purpose the purpose of the message's rule; null for a message no rule made
     * @return the message to send: the same one when there is nothing to change
     */
    OutboundMessage decorate(OutboundMessage message, Communication communication, Purpose purpose);
}
