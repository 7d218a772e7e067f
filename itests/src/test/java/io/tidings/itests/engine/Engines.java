package io.tidings.itests.engine;

import java.time.Duration;

import io.tidings.api.BusinessEvent;
import io.tidings.api.Communication;
import io.tidings.api.CommunicationStatus;
import io.tidings.api.rule.NotificationRule;
import io.tidings.api.template.Template;
import io.tidings.core.dispatch.Backoff;
import io.tidings.core.dispatch.Dispatcher;

/** The engine tests' {@link Engine}, for the fault tests in other packages: one SMTP channel on loopback. */
public final class Engines {

    private Engines() {
    }

    /** A running engine sending email to an SMTP server on loopback. */
    public static final class Running implements AutoCloseable {
        private final Engine engine;

        private Running(Engine engine) {
            this.engine = engine;
        }

        public void save(Template template, NotificationRule rule) {
            engine.save(template);
            engine.save(rule);
        }

        /** Accepts the event as POST /events does. @return the id of its first communication */
        public String submit(BusinessEvent event) {
            return engine.ingest.submit(event).communicationIds().get(0);
        }

        public Communication communication(String id) {
            return engine.communication(id).orElseThrow();
        }

        public CommunicationStatus status(String id) {
            return communication(id).status();
        }

        @Override
        public void close() {
            engine.close();
        }
    }

    /** Backoff of 200 ms to 2 s, attempts and budget as configured by default. */
    public static Running start(int smtpPort) throws Exception {
        return start(smtpPort, 100);
    }

    /** Backoff of 200 ms to 2 s, at most this many attempts, sending through the channel given. */
    public static Running start(io.tidings.api.channel.Channel channel, String name, String medium, int maxAttempts)
            throws Exception {
        Engine engine = new Engine(new Dispatcher.Settings(50, 100, maxAttempts, Duration.ofMinutes(2),
                Duration.ofMillis(100), new Backoff(Duration.ofMillis(200), Duration.ofSeconds(2), 0.2)));
        engine.addChannel(channel, name, medium, 0);
        return new Running(engine);
    }

    /** Backoff of 200 ms to 2 s, at most this many attempts. */
    public static Running start(int smtpPort, int maxAttempts) throws Exception {
        Engine engine = new Engine(new Dispatcher.Settings(50, 100, maxAttempts, Duration.ofMinutes(2), Duration.ofMillis(100),
                new Backoff(Duration.ofMillis(200), Duration.ofSeconds(2), 0.2)));
        engine.addChannel(Engine.smtp("smtp-main", smtpPort), "smtp-main", "EMAIL", 0);
        return new Running(engine);
    }
}
