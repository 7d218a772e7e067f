package io.tidings.webconsole;

import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import io.tidings.api.NotificationService;
import io.tidings.api.access.ApiKeys;
import io.tidings.api.access.AuditTrail;
import io.tidings.api.channel.ChannelDirectory;
import io.tidings.api.channel.ChannelSummary;
import io.tidings.api.channel.MessageArchive;
import io.tidings.api.consent.OptOutService;
import io.tidings.api.link.DynamicLinks;
import io.tidings.api.rule.RuleService;
import io.tidings.api.template.TemplateService;
import io.tidings.webconsole.html.Html;
import io.tidings.webconsole.page.Console;
import io.tidings.webconsole.page.ConsoleServices;
import io.tidings.webconsole.page.Redirect;
import io.tidings.webconsole.page.View;
import io.tidings.webconsole.session.ConsoleRoles;
import io.tidings.webconsole.session.CsrfToken;
import io.tidings.webconsole.session.Flash;

/**
 * The Tidings page of the Karaf (Felix) web console, {@code /system/console/tidings}: a plain
 * servlet the console finds by its {@code felix.webconsole.*} properties. The console logs the user
 * in (Tidings' login, {@code io.tidings.webconsole.security}: Karaf JAAS, the Tidings roles or Karaf's
 * admin) before anything here runs; it frames the answer to a GET with its menu and hands every
 * other method to {@link #doPost} as it is. What a page shows and accepts follows the user's roles.
 */
@Component(service = Servlet.class, property = {
    "felix.webconsole.label=" + TidingsConsolePlugin.LABEL,
    "felix.webconsole.title=Tidings",
    "felix.webconsole.category=Main",
    "felix.webconsole.css=" + TidingsConsolePlugin.STYLESHEET })
public class TidingsConsolePlugin extends HttpServlet implements ConsoleServices {
    private static final long serialVersionUID = 1L;

    static final String LABEL = "tidings";
    static final String STYLESHEET = "/" + LABEL + "/res/tidings.css";
    static final String EDITOR_SCRIPT = "/" + LABEL + "/res/editor.js";
    /** CodeMirror's modules for the template editor, named in its import map (EditorAssist). */
    static final String LIBRARY = "/" + LABEL + "/res/lib/";
    /** The rule form's progressive script (validation as you type, the field picker). */
    static final String SCRIPT = "/" + LABEL + "/res/rules.js";

    /** Set by the web console on every request: {@code /system/console/tidings}. */
    private static final String PLUGIN_ROOT = "felix.webconsole.pluginRoot";

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private transient volatile NotificationService notifications;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private transient volatile TemplateService templates;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private transient volatile RuleService rules;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private transient volatile OptOutService consent;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private transient volatile MessageArchive archive;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private transient volatile DynamicLinks links;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private transient volatile ChannelDirectory channels;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private transient volatile AuditTrail audit;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private transient volatile ApiKeys apiKeys;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private transient volatile io.tidings.api.access.Units units;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private transient volatile io.tidings.api.log.CommunicationLog communicationLog;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private transient volatile io.tidings.api.run.RunService runs;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private transient volatile io.tidings.api.DispatchControl dispatchControl;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private transient volatile io.tidings.api.DispatcherStatus dispatcher;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private transient volatile io.tidings.api.location.LocationService locations;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private transient volatile io.tidings.api.suppression.SuppressionList suppressions;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private transient volatile io.tidings.api.rule.RuleBulkService ruleBulk;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private transient volatile io.tidings.api.rule.RuleExplainer explainer;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private transient volatile io.tidings.api.rule.RuleEngine ruleEngine;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private transient volatile io.tidings.api.tag.TagDirectory tags;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private transient volatile List<io.tidings.api.tag.TagProvider> tagProviders;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private transient volatile io.tidings.api.template.TemplateEngine templateEngine;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private transient volatile List<Map.Entry<Map<String, Object>, io.tidings.api.channel.Channel>> channelServices;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private transient volatile io.tidings.api.webhook.Webhooks webhooks;

    private final transient Console console = new Console(this);

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = path(request);
        if (path.endsWith(".json")) {
            json(request, response, path);
            return;
        }
        if (!console.hasPage(path)) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            response.getWriter().write(Html.of("<p class='tidings-error'>No Tidings page {}.</p>", path).toString());
            return;
        }
        View view = new View(root(request), request.getParameterMap(), CsrfToken.of(request), Flash.take(request),
                ConsoleRoles.access(request));
        Html page;
        try {
            page = console.page(path, view);
        } catch (RuntimeException e) {
            page = Html.of("<p class='tidings-error'>Failed: error id {}, see the Karaf log.</p>",
                    unexpected(request, path, e));
        }
        response.getWriter().write(page.toString());
    }

    /** Every change is a form post carrying the session's CSRF token, answered by a redirect to a page. */
    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        request.setCharacterEncoding(StandardCharsets.UTF_8.name());
        String path = path(request);
        if ("/run/export".equals(path)) {
            download(request, response, path);
            return;
        }
        if ("/template/check".equals(path)) {
            check(request, response);
            return;
        }
        if (!console.hasPost(path)) {
            answer(response, HttpServletResponse.SC_NOT_FOUND, "No Tidings form is posted to " + path + ".");
            return;
        }
        if (!CsrfToken.matches(request)) {
            answer(response, HttpServletResponse.SC_FORBIDDEN, "Refused: the form carries no valid CSRF token for"
                    + " this session. Open the page again and repeat the change there.");
            return;
        }
        Redirect redirect;
        try {
            redirect = console.post(path, new View(root(request), request.getParameterMap(), null, null,
                    ConsoleRoles.access(request)), user(request));
        } catch (RuntimeException e) {
            redirect = new Redirect("", Flash.refused("Failed: error id " + unexpected(request, path, e)
                    + ", see the Karaf log. Check whether the change was applied.", null));
        }
        redirect.flash().keep(request);
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", root(request) + redirect.path());
    }

    /** The template editor's check of the text as typed, answered as JSON to its script (a post: it carries the CSRF token). */
    private void check(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!CsrfToken.matches(request)) {
            answer(response, HttpServletResponse.SC_FORBIDDEN, "Refused: no valid CSRF token. Open the editor again.");
            return;
        }
        View view = permitted(request, response, "/template/check");
        if (view == null) {
            return;
        }
        String json;
        try {
            json = console.check(view);
        } catch (io.tidings.api.ValidationException | ConsoleServices.Unavailable e) {
            answer(response, HttpServletResponse.SC_BAD_REQUEST, e.getMessage());
            return;
        }
        jsonAnswer(response, json);
    }

    /**
     * A check the page's script asks for while the administrator types ({@code /rule/check.json}):
     * a GET that changes nothing, answered as JSON outside the console's frame (Felix frames only
     * paths without an extension).
     */
    private void json(HttpServletRequest request, HttpServletResponse response, String path) throws IOException {
        String json;
        try {
            json = console.json(path, new View(root(request), request.getParameterMap(), null, null,
                    ConsoleRoles.access(request)));
            if (json == null) {
                response.setStatus(HttpServletResponse.SC_NOT_FOUND);
                json = "{\"error\":\"no such check\"}";
            }
        } catch (RuntimeException e) {
            json = "{\"error\":\"failed: error id " + unexpected(request, path, e) + ", see the Karaf log\"}";
        }
        jsonAnswer(response, json);
    }

    private static void jsonAnswer(HttpServletResponse response, String json) throws IOException {
        response.setContentType("application/json;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getOutputStream().write(json.getBytes(StandardCharsets.UTF_8));
    }

    /** A run's CSV straight back to the browser as a file (a post, so that it carries the CSRF token). */
    private void download(HttpServletRequest request, HttpServletResponse response, String path) throws IOException {
        if (!CsrfToken.matches(request)) {
            answer(response, HttpServletResponse.SC_FORBIDDEN, "Refused: the form carries no valid CSRF token for"
                    + " this session. Open the page again and export from there.");
            return;
        }
        View view = permitted(request, response, path);
        if (view == null) {
            return;
        }
        String[] file;
        try {
            file = console.download(path, view);
        } catch (io.tidings.api.ValidationException | ConsoleServices.Unavailable e) {
            answer(response, HttpServletResponse.SC_BAD_REQUEST, e.getMessage());
            return;
        }
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + file[0] + "\"");
        response.setHeader("Cache-Control", "no-store");
        response.getOutputStream().write(file[1].getBytes(StandardCharsets.UTF_8));
    }

    /** The request's view when the user's roles allow the post; else null, and the answer is 403. */
    private static View permitted(HttpServletRequest request, HttpServletResponse response, String path)
            throws IOException {
        View view = new View(root(request), request.getParameterMap(), null, null, ConsoleRoles.access(request));
        if (!view.may(path)) {
            answer(response, HttpServletResponse.SC_FORBIDDEN, "Refused: " + view.refusal(path) + ".");
            return null;
        }
        return view;
    }

    /**
     * Logs the method and path only: parameters hold addresses and message text. The error id ties
     * what the administrator sees to the log entry.
     */
    private String unexpected(HttpServletRequest request, String path, RuntimeException e) {
        String errorId = UUID.randomUUID().toString().substring(0, 8);
        log("Tidings console: " + request.getMethod() + " " + path + " failed, error id " + errorId, e);
        return errorId;
    }

    private static void answer(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        response.setContentType("text/plain;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getOutputStream().write((message + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** The page under the plugin: {@code /system/console/tidings/rules} is {@code /rules}, the plugin itself "". */
    private static String path(HttpServletRequest request) {
        String info = request.getPathInfo();
        String prefix = "/" + LABEL;
        String path = info == null || !info.startsWith(prefix) ? "" : info.substring(prefix.length());
        return path.equals("/") ? "" : path;
    }

    /** Who is logged in: Karaf's console security provider sets the user name as these attributes. */
    private static String user(HttpServletRequest request) {
        for (String attribute : new String[] {"org.apache.felix.webconsole.user",
                "org.osgi.service.http.authentication.remote.user"}) {
            Object user = request.getAttribute(attribute);
            if (user instanceof String name && !name.isBlank()) {
                return name;
            }
        }
        return request.getRemoteUser() != null ? request.getRemoteUser() : "web console";
    }

    private static String root(HttpServletRequest request) {
        Object root = request.getAttribute(PLUGIN_ROOT);
        return root != null ? root.toString() : request.getContextPath() + request.getServletPath() + "/" + LABEL;
    }

    /** The console serves the stylesheet through this method, found by its name and signature. */
    protected URL getResource(String path) {
        if (STYLESHEET.equals(path)) {
            return getClass().getResource("/res/tidings.css");
        }
        if (SCRIPT.equals(path)) {
            return getClass().getResource("/res/rules.js");
        }
        if (path != null && path.startsWith(LIBRARY) && !path.contains("..") && path.endsWith(".js")) {
            // CodeMirror's ES modules, unpacked from their WebJars into res/lib by the build
            return getClass().getResource("/res/lib/" + path.substring(LIBRARY.length()));
        }
        return EDITOR_SCRIPT.equals(path) ? getClass().getResource("/res/editor.js") : null;
    }

    // ---- ConsoleServices: what is bound now

    @Override
    public NotificationService notifications() {
        return required(notifications, "the notification engine (NotificationService)");
    }

    @Override
    public TemplateService templates() {
        return required(templates, "the template store (TemplateService)");
    }

    @Override
    public RuleService rules() {
        return required(rules, "the rule store (RuleService)");
    }

    @Override
    public OptOutService consent() {
        return required(consent, "the consent store (OptOutService)");
    }

    @Override
    public io.tidings.api.run.RunService runs() {
        return required(runs, "the notification engine (RunService)");
    }

    @Override
    public MessageArchive archive() {
        return archive;
    }

    @Override
    public DynamicLinks links() {
        return links;
    }

    @Override
    public List<ChannelSummary> channels() {
        return required(channels, "the notification engine (ChannelDirectory)").channels();
    }

    @Override
    public List<io.tidings.api.channel.DeclaredMedium> media() {
        return required(channels, "the notification engine (ChannelDirectory)").media();
    }

    @Override
    public List<ChannelService> channelServices() {
        List<Map.Entry<Map<String, Object>, io.tidings.api.channel.Channel>> registered = channelServices;
        return registered == null ? List.of() : ChannelServices.of(registered);
    }

    @Override
    public io.tidings.api.DispatchControl dispatchControl() {
        return required(dispatchControl, "the notification engine (DispatchControl)");
    }

    @Override
    public io.tidings.api.DispatcherStatus dispatcher() {
        return dispatcher;
    }

    @Override
    public io.tidings.api.template.TemplateEngine templateEngine() {
        return required(templateEngine, "the template engine (TemplateEngine)");
    }

    @Override
    public io.tidings.api.tag.TagDirectory tags() {
        return required(tags, "the template engine (TagDirectory)");
    }

    @Override
    public Map<String, String> tagBundles() {
        Map<String, String> bundles = new java.util.TreeMap<>();
        List<io.tidings.api.tag.TagProvider> providers = tagProviders;
        if (providers != null) {
            for (io.tidings.api.tag.TagProvider provider : providers) {
                org.osgi.framework.Bundle bundle = org.osgi.framework.FrameworkUtil.getBundle(provider.getClass());
                bundles.put(provider.entity(), bundle == null ? "?" : bundle.getSymbolicName());
            }
        }
        return bundles;
    }

    @Override
    public io.tidings.api.access.Units units() {
        return required(units, "the unit store (Units)");
    }

    @Override
    public io.tidings.api.log.CommunicationLog communicationLog() {
        return required(communicationLog, "the communication log (CommunicationLog)");
    }

    @Override
    public ApiKeys apiKeys() {
        return required(apiKeys, "the API key store (ApiKeys)");
    }

    @Override
    public io.tidings.api.webhook.Webhooks webhooks() {
        return required(webhooks, "the webhooks (Webhooks)");
    }

    @Override
    public AuditTrail audit() {
        return required(audit, "the audit trail (AuditTrail)");
    }

    @Override
    public io.tidings.api.location.LocationService locations() {
        return required(locations, "the location store (LocationService)");
    }

    @Override
    public io.tidings.api.suppression.SuppressionList suppressions() {
        return required(suppressions, "the suppression list (SuppressionList)");
    }

    @Override
    public io.tidings.api.rule.RuleBulkService ruleBulk() {
        return required(ruleBulk, "the rule store's bulk changes (RuleBulkService)");
    }

    @Override
    public io.tidings.api.rule.RuleExplainer explainer() {
        return required(explainer, "the notification engine (RuleExplainer)");
    }

    @Override
    public io.tidings.api.rule.RuleEngine ruleEngine() {
        return required(ruleEngine, "the rule engine (RuleEngine)");
    }

    private static <T> T required(T service, String what) {
        if (service == null) {
            throw new ConsoleServices.Unavailable(what);
        }
        return service;
    }
}
