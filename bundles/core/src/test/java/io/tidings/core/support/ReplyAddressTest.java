package io.tidings.core.support;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.util.List;

import org.junit.Test;

import io.tidings.api.ValidationException;

public class ReplyAddressTest {

    @Test
    public void aBareAddressOrNoneIsAccepted() {
        for (String good : List.of("kundeservice@butik.example.dk", "service.client+fr@boutique.example.fr",
                "pidtrymka@mahazyn.example.com.ua")) {
            ReplyAddress.check(good, "replyTo");
        }
        ReplyAddress.check(null, "replyTo");
    }

    @Test
    public void anythingElseIsRefusedNamingTheField() {
        for (String bad : List.of("Boutique <service@boutique.example.fr>", "service", "service@", "@example.fr",
                "service@localhost", "a b@example.fr", "a,b@example.fr", "a..b@example.fr", ".a@example.fr",
                "x@" + "d".repeat(320) + ".fr")) {
            ValidationException e = assertThrows(bad, ValidationException.class, () -> ReplyAddress.check(bad, "replyTo"));
            assertEquals("replyTo", e.field());
            assertEquals("must be one bare email address such as support@example.com (no display name, no spaces, "
                    + "at most 320 characters)", e.reason());
        }
    }
}
