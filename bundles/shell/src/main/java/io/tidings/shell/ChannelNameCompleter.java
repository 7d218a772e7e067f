package io.tidings.shell;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;

import io.tidings.api.channel.ChannelDirectory;

/** Completes the names of the registered channels. */
@Service
public class ChannelNameCompleter implements Completer {

    @Reference(optional = true)
    ChannelDirectory directory;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        return Candidates.complete(session, commandLine, candidates,
                directory == null ? null : directory.channels().stream().map(c -> c.name()));
    }
}
