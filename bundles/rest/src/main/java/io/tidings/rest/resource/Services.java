package io.tidings.rest.resource;

import java.util.concurrent.atomic.AtomicReference;

import io.tidings.api.DispatcherStatus;
import io.tidings.api.NotificationService;
import io.tidings.api.access.ApiKeys;
import io.tidings.api.access.AuditTrail;
import io.tidings.api.channel.ChannelDirectory;
import io.tidings.api.channel.MessageArchive;
import io.tidings.api.consent.OptOutService;
import io.tidings.api.link.DynamicLinks;
import io.tidings.api.location.LocationService;
import io.tidings.api.rule.RuleBulkService;
import io.tidings.api.rule.RuleExplainer;
import io.tidings.api.rule.RuleService;
import io.tidings.api.tag.TagDirectory;
import io.tidings.api.template.TemplateService;
import io.tidings.rest.route.ApiException;

/**
 * The services the API talks to, bound and unbound while it runs. The API stays registered when
 * one goes away so that callers get a 503 that names it instead of a 404 from the HTTP runtime.
 */
public final class Services {

    private final AtomicReference<NotificationService> notifications = new AtomicReference<>();
    private final AtomicReference<TemplateService> templates = new AtomicReference<>();
    private final AtomicReference<TagDirectory> tags = new AtomicReference<>();
    private final AtomicReference<RuleService> rules = new AtomicReference<>();
    private final AtomicReference<MessageArchive> archive = new AtomicReference<>();
    private final AtomicReference<LocationService> locations = new AtomicReference<>();
    private final AtomicReference<RuleExplainer> explainer = new AtomicReference<>();
    private final AtomicReference<RuleBulkService> bulkRules = new AtomicReference<>();
    private final AtomicReference<OptOutService> consent = new AtomicReference<>();
    private final AtomicReference<DynamicLinks> links = new AtomicReference<>();
    private final AtomicReference<io.tidings.api.queue.ExternalQueue> queue = new AtomicReference<>();
    private final AtomicReference<ChannelDirectory> channels = new AtomicReference<>();
    private final AtomicReference<DispatcherStatus> dispatcher = new AtomicReference<>();
    private final AtomicReference<ApiKeys> apiKeys = new AtomicReference<>();
    private final AtomicReference<AuditTrail> audit = new AtomicReference<>();
    private final AtomicReference<io.tidings.api.run.RunService> runs = new AtomicReference<>();

    private final AtomicReference<io.tidings.api.access.Units> units = new AtomicReference<>();

    public io.tidings.api.access.Units units() {
        return required(units, "the unit store (Units)");
    }

    public void setUnits(io.tidings.api.access.Units service) {
        units.set(service);
    }

    public void unsetUnits(io.tidings.api.access.Units service) {
        units.compareAndSet(service, null);
    }

    /**
     * What the caller may see and change by unit: unrestricted without {@code tidings-unit-*} roles
     * (the unit store is not asked then), else its units and those below them.
     */
    public io.tidings.api.access.UnitScope scope(io.tidings.rest.route.ApiRequest request) {
        if (io.tidings.api.access.UnitScope.unitsOf(request.roles()).isEmpty()) {
            return io.tidings.api.access.UnitScope.unrestricted();
        }
        return io.tidings.api.access.UnitScope.of(request.roles(), units().tree());
    }

    /**
     * The unit an object saved by the caller belongs to: the one it named, or a limited caller's single
     * unit; the unit must exist.
     *
     * @throws io.tidings.api.ValidationException naming {@code unit}
     * @throws io.tidings.api.access.UnitAccessException for a unit outside a limited caller's units
     */
    public String assignUnit(io.tidings.rest.route.ApiRequest request, String requested) {
        String unit = scope(request).unitFor(requested, "unit");
        if (unit != null && units().unit(unit).isEmpty()) {
            throw new io.tidings.api.ValidationException("unit", "no unit '" + unit + "'; create it first (POST /units)");
        }
        return unit;
    }

    /**
     * Whether a template, rule or location of this unit may be changed by the caller.
     *
     * @throws io.tidings.api.access.UnitAccessException when it may not
     */
    public void checkChange(io.tidings.rest.route.ApiRequest request, String unit) {
        scope(request).check(unit);
    }

    public ApiKeys apiKeys() {
        return required(apiKeys, "the API key store (ApiKeys)");
    }

    /** Null while no API key service is registered. */
    public ApiKeys apiKeysIfAvailable() {
        return apiKeys.get();
    }

    public void setApiKeys(ApiKeys service) {
        apiKeys.set(service);
    }

    public void unsetApiKeys(ApiKeys service) {
        apiKeys.compareAndSet(service, null);
    }

    public AuditTrail audit() {
        return required(audit, "the audit trail (AuditTrail)");
    }

    public void setAudit(AuditTrail service) {
        audit.set(service);
    }

    public void unsetAudit(AuditTrail service) {
        audit.compareAndSet(service, null);
    }

    public io.tidings.api.run.RunService runs() {
        return required(runs, "the notification engine (RunService)");
    }

    public void setRuns(io.tidings.api.run.RunService service) {
        runs.set(service);
    }

    public void unsetRuns(io.tidings.api.run.RunService service) {
        runs.compareAndSet(service, null);
    }
    private final AtomicReference<io.tidings.api.suppression.SuppressionList> suppressions = new AtomicReference<>();
    private final AtomicReference<io.tidings.api.DispatchControl> dispatchControl = new AtomicReference<>();
    private final AtomicReference<io.tidings.api.log.CommunicationLog> communicationLog = new AtomicReference<>();

    public io.tidings.api.log.CommunicationLog communicationLog() {
        return required(communicationLog, "the communication log (CommunicationLog)");
    }

    /** The log when the engine has one, for the record of one communication. */
    public java.util.Optional<io.tidings.api.log.CommunicationLog> communicationLogIfPresent() {
        return java.util.Optional.ofNullable(communicationLog.get());
    }

    public void setCommunicationLog(io.tidings.api.log.CommunicationLog service) {
        communicationLog.set(service);
    }

    public void unsetCommunicationLog(io.tidings.api.log.CommunicationLog service) {
        communicationLog.compareAndSet(service, null);
    }

    public io.tidings.api.DispatchControl dispatchControl() {
        return required(dispatchControl, "the notification engine (DispatchControl)");
    }

    public void setDispatchControl(io.tidings.api.DispatchControl service) {
        dispatchControl.set(service);
    }

    public void unsetDispatchControl(io.tidings.api.DispatchControl service) {
        dispatchControl.compareAndSet(service, null);
    }

    public NotificationService notifications() {
        return required(notifications, "the notification engine (NotificationService)");
    }

    public TemplateService templates() {
        return required(templates, "the template store (TemplateService)");
    }

    public RuleService rules() {
        return required(rules, "the rule store (RuleService)");
    }

    public LocationService locations() {
        return required(locations, "the location store (LocationService)");
    }

    public RuleExplainer explainer() {
        return required(explainer, "the notification engine (RuleExplainer)");
    }

    public RuleBulkService bulkRules() {
        return required(bulkRules, "the rule store (RuleBulkService)");
    }

    public OptOutService consent() {
        return required(consent, "the consent store (OptOutService)");
    }

    private final AtomicReference<io.tidings.api.webhook.Webhooks> webhooks = new AtomicReference<>();

    public io.tidings.api.webhook.Webhooks webhooks() {
        return required(webhooks, "the webhooks (Webhooks)");
    }

    public void setWebhooks(io.tidings.api.webhook.Webhooks service) {
        webhooks.set(service);
    }

    public void unsetWebhooks(io.tidings.api.webhook.Webhooks service) {
        webhooks.compareAndSet(service, null);
    }

    public io.tidings.api.suppression.SuppressionList suppressions() {
        return required(suppressions, "the suppression list (SuppressionList)");
    }

    public void setSuppressions(io.tidings.api.suppression.SuppressionList service) {
        suppressions.set(service);
    }

    public void unsetSuppressions(io.tidings.api.suppression.SuppressionList service) {
        suppressions.compareAndSet(service, null);
    }

    public DynamicLinks links() {
        return required(links, "the notification engine (DynamicLinks)");
    }

    public io.tidings.api.queue.ExternalQueue queue() {
        return required(queue, "the external queue (ExternalQueue)");
    }

    public void setQueue(io.tidings.api.queue.ExternalQueue service) {
        queue.set(service);
    }

    public void unsetQueue(io.tidings.api.queue.ExternalQueue service) {
        queue.compareAndSet(service, null);
    }

    public void setConsent(OptOutService service) {
        consent.set(service);
    }

    public void unsetConsent(OptOutService service) {
        consent.compareAndSet(service, null);
    }

    public void setLinks(DynamicLinks service) {
        links.set(service);
    }

    public void unsetLinks(DynamicLinks service) {
        links.compareAndSet(service, null);
    }

    public void setLocations(LocationService service) {
        locations.set(service);
    }

    public void unsetLocations(LocationService service) {
        locations.compareAndSet(service, null);
    }

    public void setExplainer(RuleExplainer service) {
        explainer.set(service);
    }

    public void unsetExplainer(RuleExplainer service) {
        explainer.compareAndSet(service, null);
    }

    public void setBulkRules(RuleBulkService service) {
        bulkRules.set(service);
    }

    public void unsetBulkRules(RuleBulkService service) {
        bulkRules.compareAndSet(service, null);
    }

    /** Null when no archive (devbox) is installed. */
    public MessageArchive archive() {
        return archive.get();
    }

    public ChannelDirectory channels() {
        return required(channels, "the notification engine (ChannelDirectory)");
    }

    /** Null while the engine's channel directory is not registered. */
    public ChannelDirectory channelsIfAvailable() {
        return channels.get();
    }

    /** Null while the engine publishes no dispatcher status. */
    public DispatcherStatus dispatcherIfAvailable() {
        return dispatcher.get();
    }

    public void setDispatcher(DispatcherStatus service) {
        dispatcher.set(service);
    }

    public void unsetDispatcher(DispatcherStatus service) {
        dispatcher.compareAndSet(service, null);
    }

    public void setChannels(ChannelDirectory service) {
        channels.set(service);
    }

    public void unsetChannels(ChannelDirectory service) {
        channels.compareAndSet(service, null);
    }

    public void setNotifications(NotificationService service) {
        notifications.set(service);
    }

    public void unsetNotifications(NotificationService service) {
        notifications.compareAndSet(service, null);
    }

    public void setTemplates(TemplateService service) {
        templates.set(service);
    }

    public void unsetTemplates(TemplateService service) {
        templates.compareAndSet(service, null);
    }

    public TagDirectory tags() {
        return required(tags, "the tag directory (TagDirectory)");
    }

    public void setTags(TagDirectory service) {
        tags.set(service);
    }

    public void unsetTags(TagDirectory service) {
        tags.compareAndSet(service, null);
    }

    public void setRules(RuleService service) {
        rules.set(service);
    }

    public void unsetRules(RuleService service) {
        rules.compareAndSet(service, null);
    }

    public void setArchive(MessageArchive service) {
        archive.set(service);
    }

    public void unsetArchive(MessageArchive service) {
        archive.compareAndSet(service, null);
    }

    private static <T> T required(AtomicReference<T> reference, String what) {
        T service = reference.get();
        if (service == null) {
            throw ApiException.unavailable(what + " is not available; is the tidings feature fully started?");
        }
        return service;
    }
}
