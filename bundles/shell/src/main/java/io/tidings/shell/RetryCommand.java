package io.tidings.shell;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import io.tidings.api.Communication;
import io.tidings.api.FailedQuery;
import io.tidings.api.NotificationService;

@Service
@Command(scope = "tidings", name = "retry", description = "Retries one FAILED or QUEUED communication now, or every FAILED "
        + "one of a channel, rule or time range")
public class RetryCommand implements Action {

    @Reference(optional = true)
    NotificationService notifications;

    @Option(name = "--channel", description = "Bulk: the FAILED communications last tried on this channel")
    @Completion(ChannelNameCompleter.class)
    String channel;

    @Option(name = "--rule", description = "Bulk: the FAILED communications of this rule")
    @Completion(RuleKeyCompleter.class)
    String rule;

    @Option(name = "--failed-from", description = "Bulk: failed at or after this time, ISO-8601 with an offset")
    String failedFrom;

    @Option(name = "--failed-to", description = "Bulk: failed before this time, ISO-8601 with an offset")
    String failedTo;

    @Argument(index = 0, name = "id", description = "Communication id (none with the bulk options)")
    String id;

    @Override
    public Object execute() throws Exception {
        NotificationService engine = Services.require(notifications, "the notification engine");
        FailedQuery query = new FailedQuery(channel, rule, time("--failed-from", failedFrom), time("--failed-to", failedTo));
        if (id != null) {
            if (!query.unrestricted()) {
                throw new IllegalArgumentException("give either a communication id or --channel, --rule, --failed-from, "
                        + "--failed-to");
            }
            Communication before = Operations.existing(engine, id);
            if (!engine.retry(id)) {
                throw new IllegalStateException("communication " + id + " is "
                        + engine.communication(id).orElse(before).status() + "; only a FAILED or QUEUED one can be retried");
            }
            System.out.println("Communication " + id + " queued again");
            return null;
        }
        if (query.unrestricted()) {
            throw new IllegalArgumentException("give a communication id, or --channel, --rule, --failed-from or "
                    + "--failed-to for the FAILED ones to retry");
        }
        System.out.println(engine.retryFailed(query) + " failed communication(s) queued again");
        return null;
    }

    private static java.time.Instant time(String option, String text) {
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(option + " must be an ISO-8601 time with an offset, "
                    + "e.g. 2026-11-24T09:00:00+02:00; was '" + text + "'");
        }
    }
}
