package io.tidings.webconsole.page;

import java.util.Arrays;
import java.util.List;

import io.tidings.api.Erasure;
import io.tidings.api.Purpose;
import io.tidings.api.ValidationException;
import io.tidings.api.consent.OptOut;
import io.tidings.api.consent.OptOutService;
import io.tidings.webconsole.html.Html;
import io.tidings.webconsole.session.Flash;

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
                + "<th>Record the contact's choice</th></tr></thead><tbody>");
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
            Html record = view.postForm("/consent/choose", "tidings-inline", Html.of(
                    "<input type='hidden' name='address' value='{}'><input type='hidden' name='purpose' value='{}'>"
                            + "<button type='submit' name='choice' value='OPT_IN'>Opt in</button> "
                            + "<button type='submit' name='choice' value='OPT_OUT'>Opt out</button>",
                    address, purpose.name()));
            html.add("<tr data-purpose='{}'><td>{}</td><td>{}</td><td>{}</td></tr>", purpose.name(), purpose, choice,
                    record);
        }
        html.add("</tbody></table><h3>Erase this contact</h3><p>On the contact's request to be forgotten: every "
                + "message to this address leaves the record (those not yet sent are not sent), with the events that "
                + "only concerned it, its link responses and opt-ins. Its opt-outs stay, so that it is never written "
                + "to for those purposes again.</p>");
        return html.add(view.postForm("/consent/erase", "tidings-erase", Html.of(
                "<input type='hidden' name='address' value='{}'><label><input type='checkbox' name='confirm' "
                        + "value='yes'> Erase {} for good</label> <button type='submit'>Erase</button>",
                address, address)));
    }

    /** A choice the contact told an administrator (on the phone, at the counter), recorded as POST /consent does. */
    Redirect choose(View view) {
        String address = view.param("address");
        if (address == null) {
            throw new ValidationException("address", "is required: whose choice to record");
        }
        Purpose purpose;
        try {
            purpose = Purpose.valueOf(String.valueOf(view.param("purpose")));
        } catch (IllegalArgumentException e) {
            throw new ValidationException("purpose", "must be one of " + Arrays.toString(Purpose.values())
                    + ", was '" + view.param("purpose") + "'");
        }
        String choice = String.valueOf(view.param("choice"));
        OptOutService consent = services.consent();
        switch (choice) {
            case "OPT_IN" -> consent.optIn(address, purpose);
            case "OPT_OUT" -> consent.optOut(address, purpose);
            default -> throw new ValidationException("choice", "must be OPT_IN or OPT_OUT, was '" + view.param("choice")
                    + "'");
        }
        return new Redirect(Html.link("/consent", "address", address), Flash.done(address + " is "
                + (choice.equals("OPT_IN") ? "opted in to " : "opted out of ") + purpose + "."));
    }

    Redirect erase(View view) {
        String address = view.param("address");
        if (address == null) {
            throw new ValidationException("address", "is required: whom to erase");
        }
        String back = Html.link("/consent", "address", address);
        if (!"yes".equals(view.param("confirm"))) {
            return new Redirect(back, Flash.refused("Not erased: confirm that " + address + " is to be erased for good",
                    "confirm"));
        }
        Erasure erased = services.notifications().erase(address);
        return new Redirect(back, Flash.done("Erased " + erased.address() + ": " + erased.communications()
                + " message(s), " + erased.events() + " event(s), " + erased.linkResponses() + " link response(s), "
                + erased.optIns() + " opt-in(s); " + erased.optOutsKept() + " opt-out(s) kept."));
    }
}
