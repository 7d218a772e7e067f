package io.tidings.shell;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;

import io.tidings.api.template.TemplateService;

/** Completes the keys of the stored templates. */
@Service
public class TemplateKeyCompleter implements Completer {

    @Reference(optional = true)
    TemplateService templates;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        return Candidates.complete(session, commandLine, candidates,
                templates == null ? null : templates.templates().stream().map(t -> t.key()));
    }
}
