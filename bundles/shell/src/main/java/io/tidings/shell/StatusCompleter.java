package io.tidings.shell;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

import io.tidings.api.CommunicationStatus;

/** Completes communication status names. */
@Service
public class StatusCompleter implements Completer {

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter names = new StringsCompleter();
        for (CommunicationStatus status : CommunicationStatus.values()) {
            names.getStrings().add(status.name());
        }
        return names.complete(session, commandLine, candidates);
    }
}
