package io.tidings.webconsole.page;

import java.util.List;
import java.util.Map;

import io.tidings.api.CommunicationStatus;
import io.tidings.api.ValidationException;
import io.tidings.api.run.NotificationRun;
import io.tidings.api.run.RunReport;
import io.tidings.api.run.RunStateException;
import io.tidings.webconsole.html.Html;
import io.tidings.webconsole.session.Flash;

/**
 * Notification runs: the list, one run's funnel (planned → sent → delivered → opened → clicked, and
 * what did not go out with its reasons) by language and channel, two runs side by side, cancelling
 * and the CSV export (posted, so the file comes straight back: see the plugin).
 */
final class RunPages {

    private static final List<CommunicationStatus> LEFT_OUT = List.of(CommunicationStatus.SUPPRESSED,
            CommunicationStatus.FAILED, CommunicationStatus.CANCELLED);

    private final ConsoleServices services;

    RunPages(ConsoleServices services) {
        this.services = services;
    }

    Html list(View view) {
        List<NotificationRun> runs = services.runs().runs(100);
        Html html = new Html().add("<h2>Notification runs <small>newest first</small></h2>");
        if (runs.isEmpty()) {
            return html.add("<p>No run yet. A host opens one with <code>POST /runs</code> or sends a batch with "
                    + "<code>\"run\":{\"key\",\"name\"}</code> to <code>POST /events/batch</code>.</p>");
        }
        Html compare = new Html().add("<label>Compare <select name='a'>{}</select></label> "
                + "<label>with <select name='b'>{}</select></label> <button type='submit'>Compare</button>",
                options(runs, 0), options(runs, Math.min(1, runs.size() - 1)));
        html.add("<form method='get' action='{}' class='tidings-search'>{}</form>", view.link("/runs/compare"), compare);
        html.add("<table class='nicetable tidings-runs'><thead><tr><th>Run</th><th>Name</th><th>Purpose</th>"
                + "<th>State</th><th>Opened</th><th>By</th><th>Send at</th></tr></thead><tbody>");
        for (NotificationRun run : runs) {
            html.add("<tr data-run='{}'><td><a href='{}'>{}</a></td><td>{}</td><td>{}</td><td>{}</td><td>{}</td>"
                    + "<td>{}</td><td>{}</td></tr>", run.key(), view.link("/run", "key", run.key()), run.key(),
                    run.name(), run.purpose() == null ? "" : run.purpose(), state(run), run.createdAt(),
                    run.createdBy(), run.sendAt() == null ? "as planned" : run.sendAt());
        }
        return html.add("</tbody></table>");
    }

    Html view(View view) {
        RunReport report = report(view.param("key"));
        NotificationRun run = report.run();
        Html html = new Html().add("<h2>{} <small>{} · {} · {} events</small></h2>", run.name(), run.key(), state(run),
                report.events());
        html.add(funnel(report));
        html.add("<h3>Not sent, by reason</h3>");
        if (report.reasons().isEmpty()) {
            html.add("<p>Every communication of the run went out or is still due.</p>");
        } else {
            html.add("<table class='nicetable tidings-reasons'><thead><tr><th>Reason</th><th>Communications</th></tr>"
                    + "</thead><tbody>");
            report.reasons().forEach((reason, n) -> html.add("<tr><td>{}</td><td>{}</td></tr>", reason, n));
            html.add("</tbody></table>");
        }
        services.runs().sendsOverTime(run.key()).ifPresent(overTime -> html.add(overTime(overTime)));
        html.add("<h3>By language</h3>").add(byGroup(report.byLanguage(), "Language"));
        html.add("<h3>By channel</h3>").add(byGroup(report.byChannel(), "Channel"));
        html.add("<p><a href='{}'>Its communications</a></p>", view.link("/communications", "run", run.key()));
        html.add(view.postForm("/run/export", "tidings-inline", Html.of("<input type='hidden' name='key' value='{}'>"
                + "<button type='submit'>Export as CSV</button>", run.key())));
        if (run.cancelledAt() == null) {
            html.add(" ").add(view.postForm("/run/cancel", "tidings-inline", Html.of("<input type='hidden' name='key' "
                    + "value='{}'><button type='submit' onclick=\"return confirm('Cancel every message of this run "
                    + "that is not sent yet?')\">Cancel what is not sent</button>", run.key())));
        }
        return html;
    }

    Html compare(View view) {
        RunReport a = report(view.param("a"));
        RunReport b = report(view.param("b"));
        Html html = new Html().add("<h2>{} <small>and</small> {}</h2>", a.run().name(), b.run().name());
        html.add("<table class='nicetable tidings-compare'><thead><tr><th></th><th>{}</th><th>{}</th></tr></thead><tbody>",
                a.run().key(), b.run().key());
        row(html, "Events", a.events(), b.events());
        long[] fa = stages(a);
        long[] fb = stages(b);
        String[] names = {"Planned", "Sent", "Delivered", "Opened", "Clicked"};
        for (int i = 0; i < names.length; i++) {
            html.add("<tr><th>{}</th><td>{}</td><td>{}</td></tr>", names[i], share(fa[i], fa[0]), share(fb[i], fb[0]));
        }
        for (CommunicationStatus status : LEFT_OUT) {
            html.add("<tr><th>{}</th><td>{}</td><td>{}</td></tr>", status, share(count(a, status), fa[0]),
                    share(count(b, status), fb[0]));
        }
        row(html, "Opted out", a.engagement().optedOut(), b.engagement().optedOut());
        row(html, "Bounced", a.engagement().bounced(), b.engagement().bounced());
        return html.add("</tbody></table>");
    }

    Redirect cancel(View view) {
        String key = required(view, "key");
        try {
            int cancelled = services.runs().cancel(key, "the web console");
            return new Redirect(Html.link("/run", "key", key), Flash.done("Run " + key + " cancelled: " + cancelled
                    + " communication(s) not yet sent are CANCELLED."));
        } catch (RunStateException e) {
            return new Redirect("/runs", Flash.refused(e.getMessage(), "key"));
        }
    }

    /** The run's communications as CSV, and the name to offer the file under. */
    record Export(String fileName, String csv) {
    }

    Export export(View view) {
        String key = required(view, "key");
        report(key);
        return new Export(io.tidings.api.run.RunCsv.fileName(key), io.tidings.api.run.RunCsv.of(
                services.notifications().communications(new io.tidings.api.CommunicationQuery(null, null, null, null,
                        io.tidings.api.CommunicationQuery.MAX_LIMIT, key))));
    }

    private RunReport report(String key) {
        if (key == null) {
            throw new ValidationException("key", "names no run");
        }
        return services.runs().report(key).orElseThrow(() -> new ValidationException("key", "no run '" + key + "'"));
    }

    private static String required(View view, String name) {
        String value = view.param(name);
        if (value == null) {
            throw new ValidationException(name, "is required");
        }
        return value;
    }

    /** The funnel's stages: planned, sent (or further), delivered, opened, clicked. */
    private static long[] stages(RunReport report) {
        long planned = report.communications().values().stream().mapToLong(Long::longValue).sum();
        long delivered = count(report, CommunicationStatus.DELIVERED);
        return new long[] {planned, report.engagement().sent(), delivered, report.engagement().opened(),
            report.engagement().clicked()};
    }

    private static Html funnel(RunReport report) {
        long[] stages = stages(report);
        String[] names = {"Planned", "Sent", "Delivered", "Opened", "Clicked"};
        Html html = new Html().add("<table class='nicetable tidings-funnel'><thead><tr><th>Stage</th>"
                + "<th>Communications</th><th>Share of planned</th><th></th></tr></thead><tbody>");
        for (int i = 0; i < names.length; i++) {
            bar(html, names[i], stages[i], stages[0]);
        }
        for (CommunicationStatus status : LEFT_OUT) {
            bar(html, status.name().charAt(0) + status.name().substring(1).toLowerCase(java.util.Locale.ROOT),
                    count(report, status), stages[0]);
        }
        bar(html, "Opted out", report.engagement().optedOut(), stages[0]);
        bar(html, "Bounced", report.engagement().bounced(), stages[0]);
        return html.add("</tbody></table>");
    }

    private static void bar(Html html, String stage, long n, long planned) {
        int percent = planned == 0 ? 0 : (int) Math.round(100.0 * n / planned);
        html.add("<tr data-stage='{}'><th>{}</th><td>{}</td><td>{}%</td><td><span class='tidings-bar' style='width:{}em'>"
                + "</span></td></tr>", stage, stage, n, percent, percent / 5.0);
    }

    /** Sends per bucket (per hour where the run's span allows), as a table of bars. */
    private static Html overTime(io.tidings.api.run.SendsOverTime overTime) {
        Html html = new Html().add("<h3>Over time <small>sends per {}</small></h3>", bucketName(overTime.bucket()));
        if (overTime.sends().isEmpty()) {
            return html.add("<p class='tidings-over-time'>Nothing of the run was sent yet.</p>");
        }
        long most = overTime.sends().stream().mapToLong(Long::longValue).max().orElse(0);
        html.add("<table class='nicetable tidings-over-time'><thead><tr><th>From (UTC)</th><th>Sent</th><th></th></tr>"
                + "</thead><tbody>");
        for (int i = 0; i < overTime.sends().size(); i++) {
            long n = overTime.sends().get(i);
            html.add("<tr data-from='{}'><th>{}</th><td>{}</td><td><span class='tidings-bar' style='width:{}em'></span>"
                    + "</td></tr>", overTime.start(i), overTime.start(i).toString().replace('T', ' ').replace("Z", ""), n,
                    most == 0 ? 0 : Math.round(200.0 * n / most) / 10.0);
        }
        return html.add("</tbody></table>");
    }

    private static String bucketName(java.time.Duration bucket) {
        if (bucket.toDays() > 0 && bucket.equals(java.time.Duration.ofDays(bucket.toDays()))) {
            return bucket.toDays() == 1 ? "day" : bucket.toDays() + " days";
        }
        if (bucket.toHours() > 0 && bucket.equals(java.time.Duration.ofHours(bucket.toHours()))) {
            return bucket.toHours() == 1 ? "hour" : bucket.toHours() + " hours";
        }
        return bucket.toMinutes() == 1 ? "minute" : bucket.toMinutes() + " minutes";
    }

    private static Html byGroup(Map<String, Map<CommunicationStatus, Long>> groups, String what) {
        Html html = new Html().add("<table class='nicetable'><thead><tr><th>{}</th>", what);
        for (CommunicationStatus status : CommunicationStatus.values()) {
            html.add("<th>{}</th>", status);
        }
        html.add("</tr></thead><tbody>");
        groups.forEach((group, counts) -> {
            html.add("<tr><td>{}</td>", group);
            for (CommunicationStatus status : CommunicationStatus.values()) {
                html.add("<td>{}</td>", counts.getOrDefault(status, 0L));
            }
            html.add("</tr>");
        });
        return html.add("</tbody></table>");
    }

    private static long count(RunReport report, CommunicationStatus status) {
        return report.communications().getOrDefault(status, 0L);
    }

    private static void row(Html html, String name, long a, long b) {
        html.add("<tr><th>{}</th><td>{}</td><td>{}</td></tr>", name, a, b);
    }

    private static String share(long n, long planned) {
        return planned == 0 ? Long.toString(n) : n + " (" + Math.round(100.0 * n / planned) + "%)";
    }

    private static String state(NotificationRun run) {
        return run.cancelledAt() != null ? "cancelled" : run.closedAt() != null ? "closed" : "open";
    }

    private static Html options(List<NotificationRun> runs, int selected) {
        Html html = new Html();
        for (int i = 0; i < runs.size(); i++) {
            html.add("<option value='{}'{}>{}</option>", runs.get(i).key(), i == selected ? " selected" : "",
                    runs.get(i).key());
        }
        return html;
    }
}
