package io.tidings.webconsole.page;

import java.util.List;

import io.tidings.api.ValidationException;
import io.tidings.api.suppression.Suppression;
import io.tidings.api.suppression.SuppressionList;
import io.tidings.api.suppression.SuppressionScope;
import io.tidings.webconsole.html.Html;
import io.tidings.webconsole.session.Flash;

/**
 * The suppression list (hard bounces, complaints, administrators' entries), as {@code GET /suppressions}
 * shows it: looked up by address, or the newest entries. Administrators add and remove entries as
 * {@code POST /suppressions} and {@code DELETE /suppressions/{address}} do.
 */
final class SuppressionPage {

    static final int NEWEST = 100;

    private final ConsoleServices services;

    SuppressionPage(ConsoleServices services) {
        this.services = services;
    }

    Html render(View view) {
        String address = view.param("address");
        Html html = Html.of("<form method='get' action='{}' class='tidings-search' accept-charset='UTF-8'>"
                + "<label>Address <input type='text' name='address' value='{}' placeholder='email or +E.164 phone'>"
                + "</label><button type='submit'>Look up</button></form>", view.link("/suppressions"), address);
        SuppressionList list = services.suppressions();
        List<Suppression> shown = address == null || address.isBlank() ? list.suppressions(NEWEST)
                : list.suppression(address).map(List::of).orElse(List.of());
        if (shown.isEmpty()) {
            html.add("<p>{}</p>", address == null || address.isBlank() ? "The suppression list is empty."
                    : address + " is not on the suppression list.");
        } else {
            html.add("<table class='nicetable tidings-suppressions'><thead><tr><th>Address</th><th>Stops</th>"
                    + "<th>Reason</th><th>Since</th><th></th></tr></thead><tbody>");
            for (Suppression s : shown) {
                html.add("<tr data-address='{}'><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                        s.address(), s.address(), s.scope() == SuppressionScope.ALL ? "every message" : "marketing",
                        s.reason(), CommunicationPages.time(s.at()), view.postForm("/suppression/remove",
                                "tidings-inline", Html.of("<input type='hidden' name='address' value='{}'><label>"
                                        + "<input type='checkbox' name='confirm' value='yes'> confirm</label> "
                                        + "<button type='submit'>Remove</button>", s.address())));
            }
            html.add("</tbody></table>");
        }
        return html.add(view.postForm("/suppression/add", "tidings-create", Html.of(
                "<h3>Add to suppression list</h3><label>Address <input type='text' name='address' required></label> "
                        + "<label>Stops <select name='scope'><option value='ALL'>every message</option>"
                        + "<option value='MARKETING'>marketing</option></select></label> "
                        + "<label>Reason <input type='text' name='reason' required></label> "
                        + "<button type='submit'>Add to suppression list</button>")));
    }

    Redirect add(View view) {
        Suppression stored = services.suppressions().suppress(view.param("address"),
                SuppressionScope.parse(view.param("scope"), "scope", SuppressionScope.ALL), view.param("reason"));
        return new Redirect(Html.link("/suppressions", "address", stored.address()), Flash.done(stored.address()
                + " is on the suppression list: no " + (stored.scope() == SuppressionScope.ALL ? "message"
                        : "marketing") + " goes to it."));
    }

    Redirect remove(View view) {
        String address = view.param("address");
        if (address == null || address.isBlank()) {
            throw new ValidationException("address", "is required: which address to take off the list");
        }
        if (!"yes".equals(view.param("confirm"))) {
            return new Redirect(Html.link("/suppressions", "address", address), Flash.refused("Not removed: confirm "
                    + "that messages may go to " + address + " again", "confirm"));
        }
        if (!services.suppressions().remove(address)) {
            return new Redirect("/suppressions", Flash.refused("Not removed: " + address
                    + " is not on the suppression list.", "address"));
        }
        return new Redirect("/suppressions", Flash.done("Removed " + address
                + " from the suppression list: messages go to it again."));
    }
}
