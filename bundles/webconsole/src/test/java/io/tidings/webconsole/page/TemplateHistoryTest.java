package io.tidings.webconsole.page;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.Test;

import io.tidings.api.Medium;
import io.tidings.api.Purpose;
import io.tidings.api.access.AuditEntry;
import io.tidings.api.access.AuditTrail;
import io.tidings.api.rule.NotificationRule;
import io.tidings.api.rule.RuleService;
import io.tidings.api.template.Template;
import io.tidings.api.template.TemplateContent;
import io.tidings.api.template.TemplateService;
import io.tidings.api.template.TemplateVersion;

/** The console's version history: the diff, a confirmed and audited rollback, and a delete refused while rules use it. */
public class TemplateHistoryTest {

    private final List<AuditEntry> trail = new ArrayList<>();
    private final InMemoryRules rules = new InMemoryRules();
    private final TemplateStore store = new TemplateStore() {
        @Override
        public Optional<Template> template(String key) {
            return all.stream().filter(t -> t.key().equals(key)).reduce((a, b) -> b);
        }

        @Override
        public Optional<Template> template(String key, int version) {
            return all.stream().filter(t -> t.key().equals(key) && t.version() == version).findFirst();
        }

        @Override
        public Template save(Template template) {
            return save(template, null);
        }

        @Override
        public Template save(Template template, String savedBy) {
            Template saved = template.withVersion(template(template.key()).map(Template::version).orElse(0) + 1);
            all.add(saved);
            authors.add(new TemplateVersion(saved.version(), saved.name(), savedBy,
                    Instant.parse("2026-12-07T10:15:30Z").plusSeconds(saved.version())));
            return saved;
        }

        @Override
        public List<TemplateVersion> versions(String key) {
            return authors;
        }
    };
    private final List<TemplateVersion> authors = new ArrayList<>();

    private final ConsoleServices services = new NoServices() {
        @Override
        public TemplateService templates() {
            return store;
        }

        @Override
        public RuleService rules() {
            return rules;
        }

        @Override
        public AuditTrail audit() {
            return NoServices.trail(trail);
        }
    };

    private void twoVersions() {
        store.save(new Template("ready-sms", "Klar", Medium.SMS, "da", Map.of("da", new TemplateContent(null, null,
                "Hej #contact_information.name,\ndin cykel er klar.\nVenlig hilsen <Østerbro>")), 0));
        store.save(new Template("ready-sms", "Klar", Medium.SMS, "da", Map.of("da", new TemplateContent(null, null,
                "Hej #contact_information.name,\ndin cykel er færdig.\nVenlig hilsen <Østerbro>")), 0));
    }

    @Test
    public void theDiffMarksRemovedAndAddedLinesEscaped() {
        twoVersions();
        String page = new Console(services).page("/template/history", Services.view(true, "key", "ready-sms",
                "version", "1")).toString();
        assertTrue(page, page.contains("<del class='tidings-removed'>− din cykel er klar.</del>\n"
                + "<ins class='tidings-added'>+ din cykel er færdig.</ins>"));
        assertTrue(page, page.contains("  Venlig hilsen &lt;Østerbro&gt;"));
        assertTrue(page, page.contains("<h4>da · text</h4>"));
        assertTrue(page, page.contains("Roll back to this version"));
    }

    @Test
    public void aConfirmedRollbackSavesTheOldTextAsANewVersionAndIsAudited() {
        twoVersions();
        Console console = new Console(services);
        String confirm = console.page("/template/rollback", Services.view(true, "key", "ready-sms", "version", "1"))
                .toString();
        assertTrue(confirm, confirm.contains("saved again as version 3"));
        assertTrue(confirm, confirm.contains("name='csrf"));

        Redirect done = console.post("/template/rollback", Services.view(true, "key", "ready-sms", "version", "1"),
                "karaf");
        assertFalse(done.flash().message(), done.flash().error());
        Template current = store.template("ready-sms").orElseThrow();
        assertEquals(3, current.version());
        assertTrue(current.contents().get("da").text().contains("klar."));
        assertEquals("rolled back", trail.get(0).action());
        assertEquals("to version 1", trail.get(0).detail());
        assertEquals("karaf", trail.get(0).actor());
        // the rolled-back version names who saved it; the history lists each version's author and time
        assertEquals("karaf", authors.get(2).savedBy());
        String history = console.page("/template/history", Services.view(true, "key", "ready-sms")).toString();
        assertTrue(history, history.contains("<tr data-version='3'><td>3</td><td>Klar</td>"
                + "<td class='tidings-saved-by'>karaf</td><td class='tidings-saved-at'>"
                + Times.local(Instant.parse("2026-12-07T10:15:33Z")) + "</td><td>current</td></tr>"));
        assertTrue(history, history.contains("<td class='tidings-saved-by'>not recorded</td>"));
    }

    @Test
    public void deletingATemplateInUseIsRefusedNamingTheRules() {
        twoVersions();
        rules.stored.put("ready", new NotificationRule("ready", "Klar", "repair.status_changed", "ready", List.of(),
                null, List.of("ready-sms"), List.of("contact_information"), Purpose.TRANSACTIONAL, null, true));
        Console console = new Console(services);
        String confirm = console.page("/template/delete", Services.view(true, "key", "ready-sms")).toString();
        assertTrue(confirm, confirm.contains("is used by rules: ready;"));
        assertFalse(confirm, confirm.contains("<button"));

        Redirect refused = console.post("/template/delete", Services.view(true, "key", "ready-sms"), "karaf");
        assertTrue(refused.flash().error());
        assertTrue(refused.flash().message(), refused.flash().message().contains("used by rules: ready"));
        assertTrue(store.template("ready-sms").isPresent());
        assertTrue(trail.isEmpty());

        rules.stored.clear();
        Redirect deleted = console.post("/template/delete", Services.view(true, "key", "ready-sms"), "karaf");
        assertFalse(deleted.flash().message(), deleted.flash().error());
        assertTrue(store.template("ready-sms").isEmpty());
        assertEquals("deleted", trail.get(0).action());
    }
}
