package io.tidings.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import io.tidings.api.rule.NotificationRule;
import io.tidings.api.rule.RuleService;

@Service
@Command(scope = "tidings", name = "rules", description = "Lists the notification rules")
public class RulesCommand implements Action {

    @Reference(optional = true)
    RuleService rules;

    @Override
    public Object execute() throws Exception {
        ShellTable table = new ShellTable().emptyTableText("no rules");
        table.column("Key");
        table.column("Name");
        table.column("Event");
        table.column("To status");
        table.column("Templates");
        table.column("Purpose");
        table.column("Delay");
        table.column("Enabled");
        for (NotificationRule r : Services.require(rules, "the rule store").rules()) {
            table.addRow().addContent(r.key(), Format.cell(r.name(), 40), r.event(), Format.cell(r.toStatus()),
                    Format.list(r.templates()), r.purpose(), Format.cell(r.delay()), r.enabled() ? "yes" : "no");
        }
        table.print(System.out);
        return null;
    }
}
