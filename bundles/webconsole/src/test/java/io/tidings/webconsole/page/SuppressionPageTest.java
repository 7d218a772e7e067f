package io.tidings.webconsole.page;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.junit.Test;

import io.tidings.api.ValidationException;
import io.tidings.api.access.AuditEntry;
import io.tidings.api.access.AuditTrail;
import io.tidings.api.suppression.Suppression;
import io.tidings.api.suppression.SuppressionList;
import io.tidings.api.suppression.SuppressionScope;
import io.tidings.webconsole.session.Access;

/** The Suppressions tab: viewers read the list, administrators add and (once confirmed) remove entries. */
public class SuppressionPageTest {

    private final Map<String, Suppression> stored = new LinkedHashMap<>();
    private final List<AuditEntry> trail = new ArrayList<>();

    private final SuppressionList list = new SuppressionList() {
        @Override
        public Suppression suppress(String address, SuppressionScope scope, String reason) {
            if (address == null || !address.contains("@")) {
                throw new ValidationException("address", "must be an email address or a phone number");
            }
            Suppression s = new Suppression(address.toLowerCase(Locale.ROOT), scope, reason, Instant.now());
            stored.put(s.address(), s);
            return s;
        }

        @Override
        public Optional<Suppression> suppression(String address) {
            return Optional.ofNullable(stored.get(address.toLowerCase(Locale.ROOT)));
        }

        @Override
        public List<Suppression> suppressions(int limit) {
            return stored.values().stream().limit(limit).toList();
        }

        @Override
        public boolean remove(String address) {
            return stored.remove(address.toLowerCase(Locale.ROOT)) != null;
        }

        @Override
        public Optional<Suppression> softBounce(String address, String diagnostic) {
            return Optional.empty();
        }
    };

    private final Console console = new Console(new NoServices() {
        @Override
        public SuppressionList suppressions() {
            return list;
        }

        @Override
        public AuditTrail audit() {
            return NoServices.trail(trail);
        }
    });

    private static View view(Access.Level level, String... namesAndValues) {
        Map<String, String[]> params = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            params.put(namesAndValues[i], new String[] {namesAndValues[i + 1]});
        }
        return new View("/system/console/tidings", params, "token", null, new Access(level, false));
    }

    @Test
    public void anAdministratorAddsAnAddressAndSeesItWithItsReason() {
        Redirect done = console.post("/suppression/add", view(Access.Level.ADMIN, "address", "Øjvind@Example.dk",
                "scope", "MARKETING", "reason", "bad câblage <script>"), "karaf");

        assertFalse(done.flash().message(), done.flash().error());
        assertEquals("suppressed", trail.get(0).action());
        assertEquals("suppression", trail.get(0).objectType());
        assertEquals("MARKETING", trail.get(0).detail());
        String page = console.page("/suppressions", view(Access.Level.ADMIN, "address", "øjvind@example.dk"))
                .toString();
        assertTrue(page, page.contains("<tr data-address='øjvind@example.dk'>") && page.contains(">marketing<"));
        assertTrue(page, page.contains("bad câblage &lt;script&gt;"));
        assertTrue(page, page.contains("Remove") && page.contains("Add to suppression list"));
    }

    @Test
    public void removingNeedsTheConfirmationAndIsAudited() {
        list.suppress("olena@example.ua", SuppressionScope.ALL, "hard bounce: 5.1.1");

        Redirect refused = console.post("/suppression/remove", view(Access.Level.ADMIN, "address",
                "olena@example.ua"), "karaf");
        assertTrue(refused.flash().error());
        assertEquals("confirm", refused.flash().field());
        assertTrue(stored.containsKey("olena@example.ua"));
        assertTrue(trail.isEmpty());

        Redirect done = console.post("/suppression/remove", view(Access.Level.ADMIN, "address", "olena@example.ua",
                "confirm", "yes"), "karaf");
        assertFalse(done.flash().message(), done.flash().error());
        assertTrue(stored.isEmpty());
        assertEquals("unsuppressed", trail.get(0).action());

        Redirect none = console.post("/suppression/remove", view(Access.Level.ADMIN, "address", "olena@example.ua",
                "confirm", "yes"), "karaf");
        assertTrue(none.flash().message(), none.flash().error());
    }

    @Test
    public void aViewerReadsTheListButGetsNoFormsAndItsPostsAreRefused() {
        list.suppress("marie@example.fr", SuppressionScope.ALL, "added by hand");

        String page = console.page("/suppressions", view(Access.Level.VIEWER)).toString();
        assertTrue(page, page.contains(">Suppressions</a>") && page.contains("marie@example.fr"));
        assertFalse(page, page.contains("Remove") || page.contains("Add to suppression list"));
        assertTrue(console.post("/suppression/remove", view(Access.Level.VIEWER, "address", "marie@example.fr",
                "confirm", "yes"), "viewer").flash().error());
        assertTrue(console.post("/suppression/add", view(Access.Level.VIEWER, "address", "x@example.fr",
                "reason", "r"), "viewer").flash().error());
        assertEquals(1, stored.size());
    }

    @Test
    public void aBadAddressIsRefusedNamingTheField() {
        Redirect refused = console.post("/suppression/add", view(Access.Level.ADMIN, "address", "nobody",
                "reason", "typo"), "karaf");
        assertTrue(refused.flash().error());
        assertEquals("address", refused.flash().field());
        assertTrue(stored.isEmpty() && trail.isEmpty());
    }
}
