package io.tidings.webconsole.page;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

import io.tidings.api.ValidationException;
import io.tidings.api.access.AuditEntry;
import io.tidings.api.access.AuditTrail;
import io.tidings.webconsole.html.Html;
import io.tidings.webconsole.session.Access;
import io.tidings.webconsole.session.Flash;

/**
 * The console's pages and form posts by path under the plugin, each page framed by the tabs and
 * the outcome of the last post. GET only reads; every change is a post (see {@link #post}).
 */
public final class Console {

    /** A tab, the pages shown under it, and who sees it. */
    private record Tab(String title, Predicate<Access> shownTo, String path, String... pages) {
        Tab(String title, String path, String... pages) {
            this(title, access -> true, path, pages);
        }

        boolean shows(String page) {
            return path.equals(page) || Arrays.asList(pages).contains(page);
        }
    }

    private static final Predicate<Access> ADMINS = access -> access.atLeast(Access.Level.ADMIN);

    private static final Tab[] TABS = {
        new Tab("Overview", ""), new Tab("Communications", "/communications", "/communication"),
        new Tab("Queue", "/queue"), new Tab("Channels", "/channels"), new Tab("Tags", "/tags"),
        new Tab("Templates", "/templates", "/template", "/template/edit", "/template/history", "/template/rollback",
                "/template/delete"),
        new Tab("Rules", "/rules", "/rule/edit", "/rule/delete", "/rules/try"),
        new Tab("Locations", "/locations", "/location/edit", "/location/delete"),
        new Tab("Runs", "/runs", "/run", "/runs/compare"),
        new Tab("Log", LogPages::shownTo, "/log", "/log/entry", "/log/edit", "/follow-ups", "/follow-up/complete",
                "/log/categories", "/log/category/delete"),
        new Tab("Send", ADMINS, "/send"), new Tab("Devbox", Access::content, "/devbox"),
        new Tab("Consent", ADMINS, "/consent"), new Tab("Suppressions", "/suppressions"),
        new Tab("Webhooks", ADMINS, "/webhooks"), new Tab("Units", ADMINS, "/units", "/unit/edit", "/unit/delete"),
        new Tab("Access", ADMINS, "/access") };

    /**
     * A form post, the page to go back to when it cannot be applied at all, and the audit entry its
     * success leaves (without time and actor; null: it changes nothing the trail keeps).
     */
    private record Post(String back, Function<View, Redirect> action, Function<View, AuditEntry> audit) {
    }

    private static Function<View, AuditEntry> change(String action, String type, String keyParameter) {
        return view -> new AuditEntry(null, null, action, type, keyParameter == null ? null : view.param(keyParameter),
                null);
    }

    private final ConsoleServices services;

    private final Map<String, Function<View, Html>> pages = new LinkedHashMap<>();
    private final Map<String, Post> posts = new LinkedHashMap<>();
    private final RunPages runs;
    private final RulePages rules;

    /**
     * What a page's script asks while the administrator types, as JSON.
     *
     * @return null when the path is no such check
     */
    public String json(String path, View view) {
        if (!"/rule/check.json".equals(path)) {
            return null;
        }
        try {
            return rules.check(view);
        } catch (ConsoleServices.Unavailable e) {
            return "{\"field\":null,\"error\":" + Json.string(e.getMessage()) + "}";
        }
    }

    /**
     * The CSV of a run's communications, answered to a post as a download rather than a page.
     *
     * @return null when the path is not the export
     * @throws ValidationException naming the run that does not exist
     */
    public String[] download(String path, View view) {
        if (!"/run/export".equals(path)) {
            return null;
        }
        RunPages.Export export = runs.export(view);
        return new String[] {export.fileName(), export.csv()};
    }

    private final TemplateCheck templateCheck;

    /** The template editor's JSON check of a draft (see {@link TemplateCheck}). */
    public String check(View view) {
        return templateCheck.check(view);
    }

    public Console(ConsoleServices services) {
        templateCheck = new TemplateCheck(services);
        this.services = services;
        OverviewPage overview = new OverviewPage(services);
        CommunicationPages communications = new CommunicationPages(services);
        TemplatePages templates = new TemplatePages(services);
        rules = new RulePages(services);
        LocationPages locations = new LocationPages(services);
        RuleTryPage tryEvent = new RuleTryPage(services);
        DevboxPage devbox = new DevboxPage(services);
        ConsentPage consent = new ConsentPage(services);
        SendPage send = new SendPage(services);
        AccessPage access = new AccessPage(services);
        SuppressionPage suppressions = new SuppressionPage(services);
        WebhookPages webhooks = new WebhookPages(services);
        runs = new RunPages(services);
        MessageActions messages = new MessageActions(services);
        ChannelActions channels = new ChannelActions(services);
        pages.put("", overview::render);
        pages.put("/communications", communications::search);
        pages.put("/communication", communications::record);
        pages.put("/queue", new QueuePage(services)::render);
        pages.put("/channels", new ChannelsPage(services)::render);
        pages.put("/tags", new TagsPage(services)::render);
        pages.put("/templates", templates::list);
        pages.put("/template", templates::view);
        pages.put("/template/edit", templates::edit);
        TemplateHistory history = new TemplateHistory(services);
        pages.put("/template/history", history::history);
        pages.put("/template/rollback", history::confirmRollback);
        pages.put("/template/delete", history::confirmDelete);
        pages.put("/rules", rules::list);
        pages.put("/rule/edit", rules::edit);
        pages.put("/rule/delete", rules::confirmDelete);
        pages.put("/rules/try", tryEvent::render);
        pages.put("/locations", locations::list);
        pages.put("/location/edit", locations::edit);
        pages.put("/location/delete", locations::confirmDelete);
        pages.put("/devbox", devbox::render);
        pages.put("/consent", consent::render);
        pages.put("/send", send::render);
        pages.put("/access", access::render);
        pages.put("/suppressions", suppressions::render);
        pages.put("/webhooks", webhooks::render);
        UnitPages units = new UnitPages(services);
        pages.put("/units", units::list);
        pages.put("/unit/edit", units::edit);
        pages.put("/unit/delete", units::confirmDelete);
        posts.put("/unit/save", new Post("/units", units::save, view -> change(
                view.param("original") == null ? "created" : "changed", "unit", "key").apply(view)));
        posts.put("/unit/delete", new Post("/units", units::delete, change("deleted", "unit", "key")));
        LogPages log = new LogPages(services);
        pages.put("/log", log::feed);
        pages.put("/log/entry", log::entry);
        pages.put("/log/edit", log::edit);
        pages.put("/follow-ups", log::followUps);
        pages.put("/follow-up/complete", log::completeForm);
        pages.put("/log/categories", log::categories);
        pages.put("/log/category/delete", log::confirmDeleteCategory);
        posts.put("/log/save", new Post("/log", log::save, view -> change(
                view.param("original") == null ? "logged" : "yes".equals(view.param("send")) ? "completed and sent"
                        : "changed", "communication", view.param("original") == null ? "id" : "original").apply(view)));
        posts.put("/follow-up/complete", new Post("/follow-ups", log::complete,
                change("follow-up completed", "communication", "communicationId")));
        posts.put("/log/category/save", new Post("/log/categories", log::saveCategory,
                change("saved", "communication category", "key")));
        posts.put("/log/category/delete", new Post("/log/categories", log::deleteCategory,
                change("deleted", "communication category", "key")));
        pages.put("/runs", runs::list);
        pages.put("/run", runs::view);
        pages.put("/runs/compare", runs::compare);
        posts.put("/communication/cancel", new Post("/communications", messages::cancel,
                change("cancelled", "communication", "id")));
        posts.put("/communication/retry", new Post("/communications", messages::retry,
                change("retried", "communication", "id")));
        posts.put("/communication/resend", new Post("/communications", messages::resend,
                change("resent", "communication", "id")));
        posts.put("/communications/retry", new Post("/queue", messages::retryFailed, view -> new AuditEntry(null,
                null, "retried", "communication", null, "failed communications of "
                        + MessageActions.scope(view.param("channel"), view.param("rule")))));
        posts.put("/channel/pause", new Post("/channels", channels::pause, change("paused", "channel", "name")));
        posts.put("/channel/resume", new Post("/channels", channels::resume, change("resumed", "channel", "name")));
        posts.put("/channel/drain", new Post("/channels", channels::drain, change("drained", "channel", "name")));
        posts.put("/dispatch/pause", new Post("/channels", channels::pauseAll, change("paused", "dispatch", null)));
        posts.put("/dispatch/resume", new Post("/channels", channels::resumeAll, change("resumed", "dispatch", null)));
        posts.put("/channel/test", new Post("/channels", channels::test, change("tested", "channel", "name")));
        posts.put("/run/cancel", new Post("/runs", runs::cancel, change("cancelled", "run", "key")));
        posts.put("/template/save", new Post("/templates", templates::save, change("changed", "template", "key")));
        posts.put("/template/create", new Post("/templates", templates::create, change("created", "template", "key")));
        posts.put("/template/rollback", new Post("/templates", history::rollback, view -> new AuditEntry(null, null,
                "rolled back", "template", view.param("key"), "to version " + view.param("version"))));
        posts.put("/template/delete", new Post("/templates", history::delete, change("deleted", "template", "key")));
        posts.put("/rule/enabled", new Post("/rules", rules::setEnabled, view -> change(
                Boolean.parseBoolean(view.param("enabled")) ? "enabled" : "disabled", "rule", "key").apply(view)));
        posts.put("/rule/save", new Post("/rules", rules::save, view -> change(
                view.param("original") == null ? "created" : "changed", "rule", "key").apply(view)));
        posts.put("/rule/delete", new Post("/rules", rules::delete, change("deleted", "rule", "key")));
        posts.put("/rules/bulk", new Post("/rules", view -> RuleBulk.apply(view, services), view -> new AuditEntry(
                null, null, "bulk-changed", "rule", null, view.param("action") + " " + String.join(", ",
                        view.params("rules")))));
        posts.put("/location/save", new Post("/locations", locations::save, view -> change(
                view.param("original") == null ? "created" : "changed", "location", "key").apply(view)));
        posts.put("/location/delete", new Post("/locations", locations::delete, change("deleted", "location", "key")));
        posts.put("/devbox/clear", new Post("/devbox", devbox::clear, change("cleared", "devbox", null)));
        posts.put("/send", new Post("/send", send::send, null));
        posts.put("/consent/erase", new Post("/consent", consent::erase, view -> new AuditEntry(null, null, "erased",
                "contact", AuditEntry.contactKey(view.param("address")), "in the web console")));
        posts.put("/consent/choose", new Post("/consent", consent::choose, view -> new AuditEntry(null, null,
                "OPT_IN".equals(view.param("choice")) ? "opted-in" : "opted-out", "consent",
                AuditEntry.contactKey(view.param("address")), view.param("purpose"))));
        posts.put("/suppression/add", new Post("/suppressions", suppressions::add, view -> new AuditEntry(null, null,
                "suppressed", "suppression", AuditEntry.contactKey(view.param("address")),
                io.tidings.api.suppression.SuppressionScope.parse(view.param("scope"), "scope",
                        io.tidings.api.suppression.SuppressionScope.ALL).name())));
        posts.put("/suppression/remove", new Post("/suppressions", suppressions::remove, view -> new AuditEntry(null,
                null, "unsuppressed", "suppression", AuditEntry.contactKey(view.param("address")), null)));
        posts.put("/api-key/issue", new Post("/access", access::issue, view -> new AuditEntry(null, null, "issued",
                "api-key", null, "name " + view.param("name") + ", roles " + String.join(", ", view.params("role")))));
        posts.put("/api-key/revoke", new Post("/access", access::revoke, change("revoked", "api-key", "id")));
        posts.put("/webhook/save", new Post("/webhooks", webhooks::save, view -> change(
                "yes".equals(view.param("existing")) ? "changed" : "created", "webhook", "key").apply(view)));
        posts.put("/webhook/delete", new Post("/webhooks", webhooks::delete, change("deleted", "webhook", "key")));
        posts.put("/webhook/redrive", new Post("/webhooks", webhooks::redrive, view -> new AuditEntry(null, null,
                "redriven", "webhook", view.param("key"), "delivery " + view.param("delivery"))));
    }

    public boolean hasPage(String path) {
        return pages.containsKey(path);
    }

    public boolean hasPost(String path) {
        return posts.containsKey(path);
    }

    /**
     * The page with the tabs and the last post's outcome. A missing service or bad input in the
     * query is shown on the page; anything else is thrown to be logged.
     */
    public Html page(String path, View view) {
        Html html = new Html().add("<div class='tidings'>").add(tabs(path, view));
        if (view.flash() != null && view.flash().draft() == null) {
            html.add(flash(view.flash()));
        }
        Html content;
        try {
            Tab tab = tab(path);
            if (tab != null && !tab.shownTo().test(view.access())) {
                throw new ValidationException("role", "Not shown: " + (tab.path().equals("/devbox")
                        ? "message bodies need the role tidings-viewer-content (or tidings-admin)"
                        : tab.path().equals("/log") ? LogPages.UNIT_LIMITED : Access.refusal(Access.Level.ADMIN)));
            }
            if (path.equals("/template/edit")) {
                view.requireFor("/template/save");
            }
            content = pages.get(path).apply(view);
        } catch (ConsoleServices.Unavailable | ValidationException | io.tidings.api.access.UnitAccessException e) {
            content = Html.of("<p class='tidings-error'>{}</p>", e.getMessage());
        }
        return html.add("{}</div>", content);
    }

    /**
     * Applies the post; bad input becomes a refusal naming the field, nothing of it applied. A change
     * that succeeds leaves its audit entry with {@code actor}; while the trail cannot be written the
     * change is refused.
     */
    public Redirect post(String path, View view, String actor) {
        Post post = posts.get(path);
        try {
            view.requireFor(path);
            AuditTrail trail = post.audit() == null ? null : services.audit();
            Redirect done = post.action().apply(view.by(actor));
            if (trail != null && !done.flash().error()) {
                AuditEntry change = post.audit().apply(view);
                trail.record(new AuditEntry(Instant.now(), actor, change.action(), change.objectType(),
                        change.objectKey(), change.detail()));
            }
            return done;
        } catch (ConsoleServices.Unavailable e) {
            return new Redirect(post.back(), Flash.refused(e.getMessage(), null));
        } catch (ValidationException e) {
            return new Redirect(post.back(), Flash.refused("Not saved: " + e.getMessage(), e.field()));
        } catch (io.tidings.api.access.UnitAccessException e) {
            return new Redirect(post.back(), Flash.refused("Not saved: " + e.getMessage(), "unit"));
        } catch (io.tidings.api.access.UnitInUseException e) {
            return new Redirect(post.back(), Flash.refused("Not deleted: " + e.getMessage(), "key"));
        }
    }

    /** The tab a page belongs to; null for none. */
    private static Tab tab(String page) {
        for (Tab tab : TABS) {
            if (tab.shows(page)) {
                return tab;
            }
        }
        return null;
    }

    private static Html tabs(String current, View view) {
        Html tabs = new Html().add("<nav class='tidings-tabs'>");
        for (Tab tab : TABS) {
            if (!tab.shownTo().test(view.access())) {
                continue;
            }
            tabs.add("<a href='{}' class='{}'>{}</a>", view.link(tab.path()), tab.shows(current) ? "active" : "",
                    tab.title());
        }
        return tabs.add("</nav>");
    }

    private static Html flash(Flash flash) {
        return Html.of("<p class='{}' role='status'>{}</p>", flash.error() ? "tidings-error" : "tidings-done",
                flash.message());
    }
}
