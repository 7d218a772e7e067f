package io.tidings.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import io.tidings.api.access.ApiKey;
import io.tidings.api.access.ApiKeys;

@Service
@Command(scope = "tidings", name = "api-keys", description = "Lists the API keys that are not revoked (never their tokens)")
public class ApiKeysCommand implements Action {

    @Reference(optional = true)
    ApiKeys keys;

    @Override
    public Object execute() throws Exception {
        ApiKeys service = Services.require(keys, "the API key store");
        ShellTable table = new ShellTable().emptyTableText("no API key");
        table.column("Id");
        table.column("Name");
        table.column("Roles");
        table.column("Created");
        table.column("Last used");
        for (ApiKey key : service.keys()) {
            table.addRow().addContent(key.id(), Format.cell(key.name(), 40), Format.list(key.roles()),
                    Format.time(key.created()), Format.time(key.lastUsed()));
        }
        table.print(System.out);
        return null;
    }
}
