package io.tidings.shell;

import java.util.Locale;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import io.tidings.api.Purpose;
import io.tidings.api.access.AuditEntry;
import io.tidings.api.access.AuditTrail;
import io.tidings.api.consent.OptOutService;

@Service
@Command(scope = "tidings", name = "consent",
        description = "Shows (or records) the consent choices made through Tidings for an address")
public class ConsentCommand implements Action {

    @Reference(optional = true)
    OptOutService consent;

    @Reference(optional = true)
    AuditTrail audit;

    @Argument(index = 0, name = "address", description = "An email address or an E.164 phone number", required = true)
    String address;

    @Option(name = "--opt-out", description = "Record an opt-out of this purpose (MARKETING, AFFILIATE_MARKETING, TRANSACTIONAL)")
    String optOut;

    @Option(name = "--opt-in", description = "Record an opt-in to this purpose")
    String optIn;

    @Override
    public Object execute() throws Exception {
        OptOutService service = Services.require(consent, "the consent store");
        AuditTrail trail = optOut != null || optIn != null ? Services.require(audit, "the audit trail") : null;
        if (optOut != null) {
            Purpose purpose = purpose(optOut);
            service.optOut(address, purpose);
            ShellAudit.record(trail, "opted-out", "consent", AuditEntry.contactKey(address), purpose.name());
        }
        if (optIn != null) {
            Purpose purpose = purpose(optIn);
            service.optIn(address, purpose);
            ShellAudit.record(trail, "opted-in", "consent", AuditEntry.contactKey(address), purpose.name());
        }
        ShellTable table = new ShellTable();
        table.column("Purpose");
        table.column("Through Tidings");
        for (Purpose purpose : Purpose.values()) {
            table.addRow().addContent(purpose, service.isOptedOut(address, purpose) ? "opted out"
                    : service.isOptedIn(address, purpose) ? "opted in" : "-");
        }
        table.print(System.out);
        return null;
    }

    private static Purpose purpose(String text) {
        try {
            return Purpose.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("purpose: one of " + java.util.Arrays.toString(Purpose.values())
                    + ", not '" + text + "'");
        }
    }
}
