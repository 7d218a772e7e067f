package io.tidings.webconsole.page;

import java.util.List;

import io.tidings.api.NotificationService;
import io.tidings.api.access.ApiKeys;
import io.tidings.api.access.AuditTrail;
import io.tidings.api.channel.ChannelSummary;
import io.tidings.api.channel.MessageArchive;
import io.tidings.api.consent.OptOutService;
import io.tidings.api.link.DynamicLinks;
import io.tidings.api.rule.RuleService;
import io.tidings.api.template.TemplateService;

/**
 * The Tidings services the pages show. They come and go while the console runs: a page whose
 * service is missing says which one instead of failing.
 */
public interface ConsoleServices {

    /** A service a page needs is not registered now. */
    final class Unavailable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public Unavailable(String what) {
            super(what + " is not available; is the tidings feature fully started?");
        }
    }

    /** @throws Unavailable when the engine is not registered */
    NotificationService notifications();

    /** @throws Unavailable when the template store is not registered */
    TemplateService templates();

    /** @throws Unavailable when the rule store is not registered */
    RuleService rules();

    /** @throws Unavailable when the consent store is not registered */
    OptOutService consent();

    /** @throws Unavailable when the engine's notification runs are not registered */
    io.tidings.api.run.RunService runs();

    /** Null when no message archive is installed (the devbox is off). */
    MessageArchive archive();

    /** Null when the engine's link service (tracking numbers) is not registered. */
    DynamicLinks links();

    /**
     * The channels registered now, in routing order, as the engine's channel directory lists them.
     *
     * @throws Unavailable when the directory is not registered
     */
    List<ChannelSummary> channels();

    /** @throws Unavailable when the unit store is not registered */
    default io.tidings.api.access.Units units() {
        throw new Unavailable("the unit store (Units)");
    }

    /**
     * What the user may see and change by organisational unit, as the REST API decides it: unrestricted
     * without unit roles (the unit store is not asked then).
     */
    default io.tidings.api.access.UnitScope scope(io.tidings.webconsole.session.Access access) {
        if (access.units().isEmpty()) {
            return io.tidings.api.access.UnitScope.unrestricted();
        }
        return io.tidings.api.access.UnitScope.of(access.units().stream()
                .map(unit -> io.tidings.api.access.Unit.ROLE_PREFIX + unit).toList(), units().tree());
    }

    /**
     * The unit an object the user saves belongs to: the one typed, or a limited user's single unit.
     *
     * @throws io.tidings.api.ValidationException naming {@code unit} for a unit that does not exist
     * @throws io.tidings.api.access.UnitAccessException for a unit outside the user's units
     */
    default String assignUnit(io.tidings.webconsole.session.Access access, String requested) {
        String wanted = requested == null || requested.isBlank() ? null : requested.trim();
        String unit = scope(access).unitFor(wanted, "unit");
        if (unit != null && units().unit(unit).isEmpty()) {
            throw new io.tidings.api.ValidationException("unit", "no unit '" + unit + "'; create it on the Units tab first");
        }
        return unit;
    }

    /**
     * The media declared now: the built-in ones and those of the registered channels, with their
     * content kinds.
     *
     * @throws Unavailable when the engine's channel directory is not registered
     */
    default List<io.tidings.api.channel.DeclaredMedium> media() {
        List<ChannelSummary> channels = channels();
        return new io.tidings.api.channel.ChannelDirectory() {
            @Override
            public List<ChannelSummary> channels() {
                return channels;
            }
        }.media();
    }

    /** @throws Unavailable when the API key service is not registered */
    default ApiKeys apiKeys() {
        throw new Unavailable("the API key store (ApiKeys)");
    }

    /**
     * A channel service as registered, for a test message sent straight to it.
     *
     * @param name              the name the engine routes and records it by
     * @param configurationPid  the configuration that set it up ({@code service.pid}), for the configuration form
     */
    record ChannelService(String name, String configurationPid, io.tidings.api.channel.Channel channel) {
    }

    /** The channel services registered now; empty when none. */
    default List<ChannelService> channelServices() {
        return List.of();
    }

    /** @throws Unavailable when the engine's operator controls are not registered */
    default io.tidings.api.DispatchControl dispatchControl() {
        throw new Unavailable("the notification engine (DispatchControl)");
    }

    /** What the send path did since the engine started; null while the engine is not registered. */
    default io.tidings.api.DispatcherStatus dispatcher() {
        return null;
    }

    /** @throws Unavailable when the template engine is not registered */
    default io.tidings.api.template.TemplateEngine templateEngine() {
        throw new Unavailable("the template engine (TemplateEngine)");
    }

    /** @throws Unavailable when the template engine's tag directory is not registered */
    default io.tidings.api.tag.TagDirectory tags() {
        throw new Unavailable("the template engine (TagDirectory)");
    }

    /** The symbolic name of the bundle providing each entity's tags, by entity. */
    default java.util.Map<String, String> tagBundles() {
        return java.util.Map.of();
    }

    /** @throws Unavailable when the location store is not registered */
    default io.tidings.api.location.LocationService locations() {
        throw new Unavailable("the location store (LocationService)");
    }

    /** @throws Unavailable when the rule store's bulk changes are not registered */
    default io.tidings.api.rule.RuleBulkService ruleBulk() {
        throw new Unavailable("the rule store's bulk changes (RuleBulkService)");
    }

    /** @throws Unavailable when the engine's dry run is not registered */
    default io.tidings.api.rule.RuleExplainer explainer() {
        throw new Unavailable("the notification engine (RuleExplainer)");
    }

    /** @throws Unavailable when the rule engine (a rule's own checks) is not registered */
    default io.tidings.api.rule.RuleEngine ruleEngine() {
        throw new Unavailable("the rule engine (RuleEngine)");
    }

    /** @throws Unavailable when the webhooks are not registered */
    default io.tidings.api.webhook.Webhooks webhooks() {
        throw new Unavailable("the webhooks (Webhooks)");
    }

    /** @throws Unavailable when the audit trail is not registered (a change is then refused) */
    default AuditTrail audit() {
        throw new Unavailable("the audit trail (AuditTrail)");
    }

    /** @throws Unavailable when the communication log is not registered */
    default io.tidings.api.log.CommunicationLog communicationLog() {
        throw new Unavailable("the communication log (CommunicationLog)");
    }

    /** @throws Unavailable when the suppression list is not registered */
    default io.tidings.api.suppression.SuppressionList suppressions() {
        throw new Unavailable("the suppression list (SuppressionList)");
    }
}
