package io.tidings.core.dispatch;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import io.tidings.api.Medium;
import io.tidings.api.ValidationException;
import io.tidings.api.channel.Channel;
import io.tidings.api.channel.ChannelCapabilities;
import io.tidings.api.channel.ChannelState;
import io.tidings.api.channel.OutboundMessage;
import io.tidings.api.channel.SendResult;
import io.tidings.api.template.RenderedMessage;
import io.tidings.api.template.Template;
import io.tidings.api.template.TemplateContent;
import io.tidings.api.template.TemplateEngine;

/** In-memory collaborators of the send path's unit tests. */
final class Fakes {

    private Fakes() {
    }

    static Dispatcher.Settings settings(int maxInFlight, int maxAttempts) {
        return new Dispatcher.Settings(50, maxInFlight, maxAttempts, Duration.ofMinutes(2), Duration.ofMillis(20),
                new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(10), 0));
    }

    static Template template(String key) {
        return new Template(key, key, Medium.SMS, "uk", Map.of("uk", new TemplateContent(null, null, "Готово")), 3);
    }

    /** Renders the event's {@code text} value; what {@code render} throws for a message is up to the test. */
    static final class Templates implements TemplateEngine {
        volatile Function<Map<String, Object>, String> body = data -> String.valueOf(data.get("text"));

        @Override
        public void validate(Template template) {
        }

        @Override
        public RenderedMessage render(Template template, String language, Map<String, Object> data) {
            String text = body.apply(data);
            if (text == null) {
                throw new ValidationException("text", "is missing");
            }
            return new RenderedMessage(language, "preferred", template.version(), null, null, text);
        }
    }

    /** A channel that keeps what it was given and answers as told. */
    static final class Recording implements Channel {
        final List<OutboundMessage> sent = new CopyOnWriteArrayList<>();
        volatile ChannelState state = ChannelState.AVAILABLE;
        volatile Function<OutboundMessage, SendResult> answer = m -> SendResult.sent("p-" + m.communicationId());
        private final ChannelCapabilities capabilities;

        Recording(ChannelCapabilities capabilities) {
            this.capabilities = capabilities;
        }

        Recording() {
            this(ChannelCapabilities.TEXT);
        }

        @Override
        public CompletionStage<SendResult> send(OutboundMessage message) {
            sent.add(message);
            return CompletableFuture.completedFuture(answer.apply(message));
        }

        @Override
        public ChannelCapabilities capabilities() {
            return capabilities;
        }

        @Override
        public ChannelState state() {
            return state;
        }
    }

    static Map<String, Object> route(String name, String medium, int priority) {
        return Map.of(Channel.NAME, name, Channel.MEDIUM, medium, Channel.PRIORITY, priority);
    }
}
