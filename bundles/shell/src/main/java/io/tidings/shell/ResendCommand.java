package io.tidings.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import io.tidings.api.Communication;
import io.tidings.api.NotificationService;

@Service
@Command(scope = "tidings", name = "resend", description = "Sends a SENT, DELIVERED or FAILED communication again, as a new "
        + "communication rendered anew; prints the new id")
public class ResendCommand implements Action {

    @Reference(optional = true)
    NotificationService notifications;

    @Argument(index = 0, name = "id", description = "Communication id", required = true)
    String id;

    @Override
    public Object execute() throws Exception {
        NotificationService engine = Services.require(notifications, "the notification engine");
        Communication before = Operations.existing(engine, id);
        String copy = engine.resend(id).orElseThrow(() -> new IllegalStateException("communication " + id + " is "
                + engine.communication(id).orElse(before).status()
                + "; only a SENT, DELIVERED or FAILED one can be sent again"));
        System.out.println(copy);
        return null;
    }
}
