package io.tidings.shell;

import java.time.OffsetDateTime;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import io.tidings.api.access.AuditEntry;
import io.tidings.api.access.AuditQuery;
import io.tidings.api.access.AuditTrail;

@Service
@Command(scope = "tidings", name = "audit", description = "Shows who changed what, newest first")
public class AuditCommand implements Action {

    @Reference(optional = true)
    AuditTrail audit;

    @Option(name = "--since", description = "Only entries at or after this ISO-8601 time, e.g. 2026-11-23T00:00:00Z")
    String since;

    @Option(name = "--actor", description = "Only changes of this user (or key:<name> for an API key)")
    String actor;

    @Option(name = "--type", description = "Only changes of this kind of object, e.g. template")
    String type;

    @Option(name = "--limit", description = "At most this many entries")
    int limit = 50;

    @Override
    public Object execute() throws Exception {
        AuditTrail trail = Services.require(audit, "the audit trail");
        ShellTable table = new ShellTable().emptyTableText("no audit entry");
        table.column("At");
        table.column("Actor");
        table.column("Action");
        table.column("Object");
        table.column("Detail");
        for (AuditEntry e : trail.entries(new AuditQuery(since == null ? null : OffsetDateTime.parse(since).toInstant(),
                actor, type, null, limit))) {
            table.addRow().addContent(Format.time(e.at()), Format.cell(e.actor(), 30), e.action(),
                    e.objectType() + (e.objectKey() == null ? "" : " " + Format.cell(e.objectKey(), 40)),
                    Format.cell(e.detail(), 60));
        }
        table.print(System.out);
        return null;
    }
}
