package io.tidings.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import io.tidings.api.Communication;
import io.tidings.api.NotificationService;

@Service
@Command(scope = "tidings", name = "communication", description = "Shows one communication with its rendered subject and body")
public class CommunicationCommand implements Action {

    @Reference(optional = true)
    NotificationService notifications;

    @Argument(index = 0, name = "id", description = "Communication id", required = true)
    String id;

    @Override
    public Object execute() throws Exception {
        Communication c = Services.require(notifications, "the notification engine").communication(id)
                .orElseThrow(() -> new IllegalArgumentException("no communication '" + id + "'"));
        CommunicationDetails.lines(c).forEach(System.out::println);
        return null;
    }
}
