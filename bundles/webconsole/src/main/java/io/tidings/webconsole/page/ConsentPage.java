package io.tidings.webconsole.page;

import java.util.List;

import io.tidings.api.Purpose;
import io.tidings.api.consent.OptOut;
import io.tidings.api.consent.OptOutService;
import io.tidings.webconsole.html.Html;

/**
 * The consent choices recorded through Tidings for an address (links, STOP replies,
 * administrators). They outrank the host's consent flags; with no choice the flags apply.
 */
final class ConsentPage {

    private final ConsoleServices services;

    ConsentPage(ConsoleServices services) {
        this.services = services;
    }

    Html render(View view) {
        String address = view.param("address");
        Html html = Html.of("<form method='get' action='{}' class='tidings-search' accept-charset='UTF-8'>"
                + "<label>Address <input type='text' name='address' value='{}' placeholder='email or +E.164 phone'>"
                + "</label><button type='submit'>Look up</button></form>", view.link("/consent"), address);
        if (address == null) {
            return html;
        }
        OptOutService consent = services.consent();
        List<OptOut> optOuts = consent.optOuts(address);
        html.add("<table class='nicetable tidings-consent'><thead><tr><th>Purpose</th><th>Choice through Tidings</th>"
                + "</tr></thead><tbody>");
        for (Purpose purpose : Purpose.values()) {
            String choice;
            if (consent.isOptedOut(address, purpose)) {
                choice = optOuts.stream().filter(o -> o.purpose() == purpose).findFirst()
                        .map(o -> "opted out since " + CommunicationPages.time(o.at())).orElse("opted out");
            } else if (consent.isOptedIn(address, purpose)) {
                choice = "opted in";
            } else {
                choice = "none: the host's consent flags apply";
            }
            html.add("<tr><td>{}</td><td>{}</td></tr>", purpose, choice);
        }
        return html.add("</tbody></table>");
    }
}
