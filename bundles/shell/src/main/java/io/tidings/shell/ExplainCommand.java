package io.tidings.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.FileCompleter;

import io.tidings.api.rule.RuleExplainer;

/** A dry run of an event against every rule, as {@code POST /rules/explain}; stores nothing, sends nothing. */
@Service
@Command(scope = "tidings", name = "explain", description = "Explains what every rule would do with an event "
        + "(which rules match, who gets what on which medium and when, and why not); stores and sends nothing")
public class ExplainCommand implements Action {

    @Reference(optional = true)
    RuleExplainer explainer;

    @Option(name = "--data", description = "The event as JSON, the body of POST /events: "
            + "{\"id\",\"type\",\"occurredAt\",\"location\",\"entity\":{\"type\",\"id\"},\"data\":{…}}")
    String data;

    @Argument(index = 0, name = "file", description = "A file holding the event as JSON (UTF-8), instead of --data")
    @Completion(FileCompleter.class)
    String file;

    @Override
    public Object execute() throws Exception {
        if (data == null && file == null) {
            throw new IllegalArgumentException("give the event as a file or with --data '{…}'");
        }
        RuleExplainer engine = Services.require(explainer, "the notification engine (RuleExplainer)");
        ExplainOutput.lines(engine.explain(EventInput.read(data, file))).forEach(System.out::println);
        return null;
    }
}
