package io.tidings.webconsole.page;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.tidings.api.DispatcherStatus;
import io.tidings.api.NotificationService;
import io.tidings.api.channel.ChannelSummary;
import io.tidings.api.channel.MessageArchive;
import io.tidings.api.consent.OptOutService;
import io.tidings.api.link.DynamicLinks;
import io.tidings.api.rule.RuleService;
import io.tidings.api.tag.TagDirectory;
import io.tidings.api.template.TemplateService;

/** The services a page test gives the console; what a test leaves null is reported unavailable. */
class Services implements ConsoleServices {

    NotificationService engine;
    TemplateService templates;
    TagDirectory tags;
    DispatcherStatus dispatcher;
    io.tidings.api.DispatchControl control;
    List<ChannelSummary> channels = new ArrayList<>();
    List<ChannelService> channelServices = new ArrayList<>();
    Map<String, String> tagBundles = Map.of();
    /** The audit trail's entries; null: no trail (a change is refused). */
    List<io.tidings.api.access.AuditEntry> trail;

    static final String ROOT = "/system/console/tidings";

    static View view(boolean admin, String... namesAndValues) {
        Map<String, String[]> parameters = new java.util.HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            parameters.put(namesAndValues[i], new String[] {namesAndValues[i + 1]});
        }
        return new View(ROOT, parameters, "token", null, admin);
    }

    private static <T> T given(T service, String what) {
        if (service == null) {
            throw new Unavailable(what);
        }
        return service;
    }

    @Override
    public io.tidings.api.access.AuditTrail audit() {
        return NoServices.trail(given(trail, "the audit trail (AuditTrail)"));
    }

    @Override
    public NotificationService notifications() {
        return given(engine, "the notification engine (NotificationService)");
    }

    @Override
    public TemplateService templates() {
        return given(templates, "the template store (TemplateService)");
    }

    @Override
    public RuleService rules() {
        throw new Unavailable("the rule store (RuleService)");
    }

    @Override
    public OptOutService consent() {
        throw new Unavailable("the consent store (OptOutService)");
    }

    @Override
    public io.tidings.api.run.RunService runs() {
        throw new Unavailable("the notification engine (RunService)");
    }

    @Override
    public MessageArchive archive() {
        return null;
    }

    @Override
    public DynamicLinks links() {
        return null;
    }

    @Override
    public List<ChannelSummary> channels() {
        return channels;
    }

    @Override
    public List<ChannelService> channelServices() {
        return channelServices;
    }

    @Override
    public io.tidings.api.DispatchControl dispatchControl() {
        return given(control, "the notification engine (DispatchControl)");
    }

    @Override
    public DispatcherStatus dispatcher() {
        return dispatcher;
    }

    @Override
    public TagDirectory tags() {
        return given(tags, "the template engine (TagDirectory)");
    }

    @Override
    public Map<String, String> tagBundles() {
        return tagBundles;
    }
}
