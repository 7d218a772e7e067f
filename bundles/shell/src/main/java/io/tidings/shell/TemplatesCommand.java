package io.tidings.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import io.tidings.api.template.Template;
import io.tidings.api.template.TemplateService;

@Service
@Command(scope = "tidings", name = "templates", description = "Lists the templates with their languages and current version")
public class TemplatesCommand implements Action {

    @Reference(optional = true)
    TemplateService templates;

    @Override
    public Object execute() throws Exception {
        ShellTable table = new ShellTable().emptyTableText("no templates");
        table.column("Key");
        table.column("Name");
        table.column("Medium");
        table.column("Default");
        table.column("Languages");
        table.column("Version").alignRight();
        for (Template t : Services.require(templates, "the template store").templates()) {
            table.addRow().addContent(t.key(), Format.cell(t.name(), 40), t.medium(), t.defaultLanguage(),
                    Format.list(t.contents().keySet()), t.version());
        }
        table.print(System.out);
        return null;
    }
}
