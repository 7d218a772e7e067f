package io.tidings.shell;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;

import io.tidings.api.rule.RuleService;

/** Completes the keys of the stored rules. */
@Service
public class RuleKeyCompleter implements Completer {

    @Reference(optional = true)
    RuleService rules;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        return Candidates.complete(session, commandLine, candidates,
                rules == null ? null : rules.rules().stream().map(r -> r.key()));
    }
}
