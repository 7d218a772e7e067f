package io.tidings.shell;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import io.tidings.api.log.CommunicationLog;
import io.tidings.api.log.FollowUp;

@Service
@Command(scope = "tidings", name = "follow-ups", description = "The open follow-ups, soonest due first")
public class FollowUpsCommand implements Action {

    @Reference(optional = true)
    CommunicationLog log;

    @Option(name = "--owner", description = "Only this user's")
    String owner;

    @Option(name = "--due-before", description = "Only those due before this ISO-8601 time with an offset")
    String dueBefore;

    @Option(name = "--limit", description = "At most this many")
    int limit = 50;

    @Override
    public Object execute() throws Exception {
        if (limit < 1) {
            throw new IllegalArgumentException("--limit must be at least 1");
        }
        Instant before = null;
        if (dueBefore != null) {
            try {
                before = OffsetDateTime.parse(dueBefore).toInstant();
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("--due-before must be an ISO-8601 time with an offset, e.g. "
                        + "2026-11-28T00:00:00+02:00, was '" + dueBefore + "'");
            }
        }
        CommunicationLog service = Services.require(log, "the communication log");
        ShellTable table = new ShellTable().emptyTableText("no open follow-ups");
        table.column("Due");
        table.column("Owner");
        table.column("Communication");
        for (FollowUp f : service.followUps(owner, before, limit)) {
            // the note stays out: it may speak of the contact (REST shows it with tidings-viewer-content)
            table.addRow().addContent(Format.time(f.dueAt()), Format.cell(f.owner()), Format.cell(f.communicationId(), 40));
        }
        table.print(System.out);
        return null;
    }
}
