package io.tidings.channel.example;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

import io.tidings.api.channel.Channel;
import io.tidings.api.channel.ChannelCapabilities;
import io.tidings.api.channel.ChannelState;
import io.tidings.api.channel.OutboundMessage;
import io.tidings.api.channel.SendResult;

/**
 * The smallest useful Tidings channel, as a partner would write one (see docs/partner-channel-guide.md):
 * every message it takes is appended as one JSON line to a file. One factory configuration
 * {@code io.tidings.channel.example~<alias>} is one channel.
 *
 * <p>It declares a medium of its own, {@code PUSH} (content kind {@code TEXT}: one text per message,
 * the recipient being the contact's {@code push} field, a device token), and can serve EMAIL or SMS
 * too when configured so. The routing keys are service properties: defaults here, overridden by the
 * configuration ({@code channel.medium}, {@code channel.content}, {@code channel.priority},
 * {@code channel.name}). This channel has no
 * secret, so Declarative Services may publish its configuration as service properties; a channel
 * with a password registers its service itself (see the SMTP and SMPP channels).
 */
@Component(service = Channel.class, configurationPid = JsonLinesChannel.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE,
        property = {Channel.MEDIUM + "=PUSH", Channel.CONTENT + "=TEXT", Channel.PRIORITY + ":Integer=0",
                Channel.NAME + "=example"})
@Designate(ocd = JsonLinesChannel.Config.class, factory = true)
public class JsonLinesChannel implements Channel {

    static final String PID = "io.tidings.channel.example";

    @ObjectClassDefinition(name = "Tidings example channel", description = "Writes each message as a JSON line to a file")
    public @interface Config {
        @AttributeDefinition(name = "File", description = "Where messages are appended, one JSON object per line")
        String file();

        @AttributeDefinition(name = "Media", description = "PUSH (this channel's own medium), EMAIL and/or SMS")
        String[] channel_medium() default {"PUSH"};

        @AttributeDefinition(name = "Content kind", description = "What templates of PUSH hold: TEXT (one text) "
                + "or STRUCTURED (a JSON payload)")
        String channel_content() default "TEXT";

        @AttributeDefinition(name = "Longest text", description = "The most characters a PUSH text may render to "
                + "(a message longer fails, naming the limit); 0 for no limit", min = "0")
        int channel_maxLength() default 0;

        @AttributeDefinition(name = "Priority", description = "Higher first among the channels of a medium")
        int channel_priority() default 0;

        @AttributeDefinition(name = "Name", description = "Recorded on each communication")
        String channel_name() default "example";
    }

    // one writer thread: send() must not block the engine, and lines must not interleave
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "tidings-example-channel");
        t.setDaemon(true);
        return t;
    });
    private volatile Path file;

    @Activate
    @Modified
    void configure(Config config) {
        if (config.file() == null || config.file().isBlank()) {
            throw new IllegalArgumentException("file: required");
        }
        file = Path.of(config.file());
    }

    @Deactivate
    void stop() {
        writer.shutdown();
    }

    @Override
    public CompletionStage<SendResult> send(OutboundMessage message) {
        CompletableFuture<SendResult> result = new CompletableFuture<>();
        try {
            writer.execute(() -> result.complete(write(message)));
        } catch (RejectedExecutionException e) {
            // stopping: the engine queues the message again
            result.complete(SendResult.transientFailure("example channel is stopping"));
        }
        return result;
    }

    private SendResult write(OutboundMessage message) {
        String id = UUID.randomUUID().toString();
        String line = json(Map.of("id", id, "communicationId", message.communicationId(), "medium",
                message.medium().name(), "recipient", message.recipient(), "text", String.valueOf(message.text()),
                "language", String.valueOf(message.language()), "writtenAt", Instant.now().toString())) + "\n";
        try {
            Path target = file;
            if (target.getParent() != null) {
                Files.createDirectories(target.getParent());
            }
            Files.writeString(target, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            return SendResult.sent(id);
        } catch (IOException e) {
            // a full disk or a missing permission may pass: let the engine retry with its backoff
            return SendResult.transientFailure("cannot write " + file.getFileName() + ": " + e.getClass().getSimpleName());
        }
    }

    @Override
    public ChannelCapabilities capabilities() {
        return ChannelCapabilities.TEXT;
    }

    @Override
    public ChannelState state() {
        Path target = file;
        Path dir = target == null ? null : target.toAbsolutePath().getParent();
        return dir != null && (!Files.exists(dir) || Files.isWritable(dir)) ? ChannelState.AVAILABLE
                : ChannelState.unavailable("cannot write to " + dir);
    }

    /** A flat JSON object of strings; the api bundle brings no JSON library, and this needs none. */
    static String json(Map<String, String> fields) {
        StringBuilder out = new StringBuilder("{");
        fields.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            if (out.length() > 1) {
                out.append(',');
            }
            quote(out, e.getKey());
            out.append(':');
            quote(out, e.getValue());
        });
        return out.append('}').toString();
    }

    private static void quote(StringBuilder out, String value) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
