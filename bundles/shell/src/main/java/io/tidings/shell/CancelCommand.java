package io.tidings.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import io.tidings.api.Communication;
import io.tidings.api.NotificationService;

@Service
@Command(scope = "tidings", name = "cancel", description = "Cancels a communication not yet sent (SCHEDULED or QUEUED)")
public class CancelCommand implements Action {

    @Reference(optional = true)
    NotificationService notifications;

    @Option(name = "--reason", description = "The reason recorded (default: cancelled in the shell)")
    String reason = "cancelled in the shell";

    @Argument(index = 0, name = "id", description = "Communication id", required = true)
    String id;

    @Override
    public Object execute() throws Exception {
        NotificationService engine = Services.require(notifications, "the notification engine");
        Communication before = Operations.existing(engine, id);
        if (!engine.cancel(id, reason)) {
            throw new IllegalStateException("communication " + id + " is "
                    + engine.communication(id).orElse(before).status() + "; only one not yet sent can be cancelled");
        }
        System.out.println("Communication " + id + " cancelled");
        return null;
    }
}
