package io.tidings.links;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.osgi.annotation.bundle.Capability;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tidings.api.Communication;
import io.tidings.api.Purpose;
import io.tidings.api.consent.OptOutService;
import io.tidings.api.link.DynamicLinks;
import io.tidings.api.link.LinkAction;
import io.tidings.api.link.LinkOutcome;
import io.tidings.api.link.LinkResponse;
import io.tidings.core.store.CommunicationRecord;
import io.tidings.core.store.EngagementRepository;
import io.tidings.core.store.SettingsRepository;
import io.tidings.links.token.LinkToken;
import io.tidings.links.tracking.HtmlTracking;
import io.tidings.links.tracking.TrackingToken;

/**
 * Makes the {@code #dynamic_link.*} values of a message and acts on them when followed: an opt-in
 * or opt-out changes the recipient's consent through Tidings, every followed link is recorded once
 * as a {@link LinkResponse} for the host platform.
 *
 * <p>The component registers its services itself instead of through {@code service=}: Declarative
 * Services would publish every configuration key as a service property, visible in the console,
 * and the documented key {@code secret} signs every link. Only the keys in
 * {@link #PUBLISHED_PROPERTIES} are published.
 */
@Capability(namespace = "osgi.service", // what service= would declare, so that features resolve the references
        attribute = "objectClass:List<String>=\"io.tidings.api.link.DynamicLinks,io.tidings.links.LinkMaker\"",
        uses = {DynamicLinks.class, LinkMaker.class})
@Component(service = {}, configurationPid = CoreDynamicLinks.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = LinkConfiguration.class)
public class CoreDynamicLinks implements DynamicLinks, LinkMaker {

    public static final String PID = "io.tidings.links";
    /** The path under which links are answered (by {@code io.tidings.links.page.LinkServlet}). */
    public static final String PATH = "/tidings/links/";
    static final String SECRET_SETTING = "links.secret";
    private static final Logger LOG = LoggerFactory.getLogger(CoreDynamicLinks.class);
    private static final int MIN_SECRET_LENGTH = 32;
    /** The component properties that the services carry: identity and the configuration that is not secret. */
    static final Set<String> PUBLISHED_PROPERTIES = Set.of("component.name", "component.id", "service.pid", "baseUrl",
            "validityDays", "trackOpens", "trackClicks");

    @Reference
    private EngagementRepository store;

    @Reference
    private CommunicationRecord record;

    @Reference
    private SettingsRepository sharedSettings;

    @Reference
    private OptOutService consent;

    /** Optional: a response is told to the host's webhooks when they are there. */
    @Reference(cardinality = org.osgi.service.component.annotations.ReferenceCardinality.OPTIONAL,
            policy = org.osgi.service.component.annotations.ReferencePolicy.DYNAMIC)
    private volatile io.tidings.api.webhook.Webhooks webhooks;

    private final Clock clock = Clock.systemUTC();
    private volatile Settings settings;
    private ServiceRegistration<?> registration;

    /** Which email is tracked. */
    enum Track {
        NONE, MARKETING, ALL;

        boolean covers(Purpose purpose) {
            return this == ALL || this == MARKETING && purpose != null && purpose != Purpose.TRANSACTIONAL;
        }

        static Track of(String text, String key) {
            try {
                return valueOf(text == null || text.isBlank() ? "NONE" : text.strip().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(PID + ": " + key + " must be NONE, MARKETING or ALL, not '" + text + "'");
            }
        }
    }

    private record Settings(String baseUrl, Duration validity, byte[] key, Track opens, Track clicks) {
    }

    @Activate
    void activate(BundleContext context, LinkConfiguration config, Map<String, Object> properties) {
        configure(config);
        registration = context.registerService(new String[] {DynamicLinks.class.getName(), LinkMaker.class.getName()},
                this, serviceProperties(properties));
    }

    @Modified
    void modified(LinkConfiguration config, Map<String, Object> properties) {
        configure(config);
        registration.setProperties(serviceProperties(properties));
    }

    @Deactivate
    void deactivate() {
        try {
            registration.unregister();
        } catch (IllegalStateException e) {
            // already gone with the bundle
        }
    }

    /** The service properties for these component properties: never the secret. */
    static Dictionary<String, Object> serviceProperties(Map<String, Object> properties) {
        Hashtable<String, Object> published = new Hashtable<>();
        properties.forEach((key, value) -> {
            if (PUBLISHED_PROPERTIES.contains(key) && value != null) {
                published.put(key, value);
            }
        });
        return published;
    }

    private void configure(LinkConfiguration config) {
        String baseUrl = config.baseUrl();
        int validityDays = config.validityDays();
        String secret = config.secret();
        Track opens = Track.of(config.trackOpens(), "trackOpens");
        Track clicks = Track.of(config.trackClicks(), "trackClicks");
        String base = baseUrl == null ? "" : baseUrl.strip();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        if (!base.matches("https?://[^\\s/?#]+(/[^\\s?#]*)?")) {
            throw new IllegalArgumentException(PID + ": baseUrl must be an http(s) URL such as "
                    + "https://notify.example.com, not '" + baseUrl + "'");
        }
        if (validityDays < 1) {
            throw new IllegalArgumentException(PID + ": validityDays must be at least 1, not " + validityDays);
        }
        String key = secret == null ? "" : secret.strip();
        if (!key.isEmpty() && key.length() < MIN_SECRET_LENGTH) {
            throw new IllegalArgumentException(PID + ": secret must be at least " + MIN_SECRET_LENGTH
                    + " characters (or empty for a generated one)");
        }
        if (key.isEmpty()) {
            key = sharedSettings.setting(SECRET_SETTING, CoreDynamicLinks::randomSecret);
        }
        settings = new Settings(base, Duration.ofDays(validityDays), key.getBytes(StandardCharsets.UTF_8), opens, clicks);
    }

    private static String randomSecret() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public Map<String, Object> linksFor(String communicationId) {
        Settings s = settings;
        Instant expires = clock.instant().plus(s.validity());
        Map<String, Object> links = new LinkedHashMap<>();
        for (LinkAction action : LinkAction.values()) {
            links.put(action.tag(), s.baseUrl() + PATH + new LinkToken(action, communicationId, expires).sign(s.key()));
        }
        return links;
    }

    @Override
    public Map<String, Object> previewLinks() {
        return linksFor(LinkToken.PREVIEW);
    }

    @Override
    public Tracked track(String html, String text, String communicationId, Purpose purpose) {
        Settings s = settings;
        if (html == null || html.isBlank() || !s.opens().covers(purpose) && !s.clicks().covers(purpose)) {
            return new Tracked(html, text);
        }
        Instant expires = clock.instant().plus(s.validity());
        String tracked = html;
        String trackedText = text;
        if (s.clicks().covers(purpose)) {
            Map<String, String> links = new LinkedHashMap<>();
            tracked = HtmlTracking.clicks(tracked, target -> links.computeIfAbsent(target, t -> s.baseUrl() + PATH
                    + new TrackingToken(TrackingToken.Kind.CLICK, communicationId, expires, t).sign(s.key())),
                    s.baseUrl() + PATH);
            trackedText = HtmlTracking.textClicks(text, links);
        }
        if (s.opens().covers(purpose)) {
            tracked = HtmlTracking.openPixel(tracked, s.baseUrl() + PATH
                    + new TrackingToken(TrackingToken.Kind.OPEN, communicationId, expires, null).sign(s.key()));
        }
        return new Tracked(tracked, trackedText);
    }

    /** A tracking link: the image records an opening, a click records and goes on (even once expired). */
    private LinkOutcome followTracking(TrackingToken link) {
        boolean live = !clock.instant().isAfter(link.expires());
        if (link.kind() == TrackingToken.Kind.OPEN) {
            if (live) {
                store.recordOpen(link.communicationId(), clock.instant());
            }
            return new LinkOutcome(LinkOutcome.Result.OPENED, null, null);
        }
        if (live) {
            store.recordClick(link.communicationId(), clock.instant());
        }
        return new LinkOutcome(LinkOutcome.Result.CLICKED, null, null, link.target());
    }

    @Override
    public io.tidings.api.link.Engagement engagement(String communicationId) {
        return store.engagement(communicationId);
    }

    @Override
    public io.tidings.api.link.EngagementSummary engagement(String ruleKey, Instant since) {
        return store.engagementSummary(ruleKey, since);
    }

    @Override
    public LinkOutcome follow(String token) {
        Settings s = settings;
        Optional<TrackingToken> tracking = TrackingToken.verify(token, s.key());
        if (tracking.isPresent()) {
            return followTracking(tracking.get());
        }
        Checked checked = check(token, s);
        if (checked.message() == null) {
            return checked.verdict();
        }
        LinkAction action = checked.verdict().action();
        Communication c = checked.message();
        Optional<Purpose> purpose = action.purpose();
        if (purpose.isPresent()) {
            if (action.optIn()) {
                consent.optIn(c.recipient(), purpose.get());
            } else {
                consent.optOut(c.recipient(), purpose.get());
            }
        }
        LinkResponse recorded = store.saveLinkResponse(new LinkResponse(UUID.randomUUID().toString(), action,
                c.recipient(), c.id(), c.entity().type(), c.entity().id(), clock.instant()));
        LOG.info("Dynamic link {} of communication {} followed (response {})", action.tag(), c.id(), recorded.id());
        publish(recorded);
        return new LinkOutcome(LinkOutcome.Result.DONE, action, c.language());
    }

    /** An opt-in link of a message sent before the recipient opted out of that purpose. */
    private boolean supersededOptIn(LinkAction action, Communication message) {
        Optional<Purpose> purpose = action.purpose();
        if (!action.optIn() || purpose.isEmpty()) {
            return false;
        }
        Instant issued = message.sentAt() != null ? message.sentAt() : message.createdAt();
        return issued != null && consent.optOuts(message.recipient()).stream()
                .anyMatch(o -> o.purpose() == purpose.get() && o.at().isAfter(issued));
    }

    @Override
    public LinkOutcome open(String token) {
        Settings s = settings;
        Optional<TrackingToken> tracking = TrackingToken.verify(token, s.key());
        if (tracking.isPresent()) {
            return followTracking(tracking.get());
        }
        return check(token, s).verdict();
    }

    /** An action link's verdict, with its message when it may act ({@link LinkOutcome.Result#CONFIRM}). */
    private record Checked(LinkOutcome verdict, Communication message) {
    }

    private Checked check(String token, Settings s) {
        Optional<LinkToken> read = LinkToken.verify(token, s.key());
        if (read.isEmpty()) {
            return new Checked(new LinkOutcome(LinkOutcome.Result.INVALID, null, null), null);
        }
        LinkToken link = read.get();
        if (link.preview()) {
            return new Checked(new LinkOutcome(LinkOutcome.Result.PREVIEW, link.action(), null), null);
        }
        if (clock.instant().isAfter(link.expires())) {
            return new Checked(new LinkOutcome(LinkOutcome.Result.EXPIRED, link.action(), null), null);
        }
        Optional<Communication> message = record.communication(link.communicationId());
        if (message.isEmpty() || message.get().recipient() == null) {
            return new Checked(new LinkOutcome(LinkOutcome.Result.INVALID, link.action(), null), null);
        }
        if (supersededOptIn(link.action(), message.get())) {
            // the latest choice wins: an opt-out made after this message was sent outranks its opt-in link
            return new Checked(new LinkOutcome(LinkOutcome.Result.EXPIRED, link.action(), message.get().language()),
                    null);
        }
        return new Checked(new LinkOutcome(LinkOutcome.Result.CONFIRM, link.action(), message.get().language()),
                message.get());
    }

    @Override
    public List<LinkResponse> responses(String entityType, String entityId, Instant since, int limit) {
        return store.linkResponses(entityType, entityId, since, limit);
    }

    /** {@code link.response} to the webhooks: ids and the action, not the recipient's address. */
    private void publish(LinkResponse response) {
        io.tidings.api.webhook.Webhooks hooks = webhooks;
        if (hooks == null) {
            return;
        }
        java.util.Map<String, Object> data = new java.util.HashMap<>();
        data.put("id", response.id());
        data.put("action", response.action().tag());
        data.put("communicationId", response.communicationId());
        data.put("entityType", response.entityType());
        data.put("entityId", response.entityId());
        data.put("at", response.at().toString());
        try {
            hooks.publish(io.tidings.api.webhook.WebhookEvent.LINK_RESPONSE, data);
        } catch (RuntimeException e) {
            // the response is recorded; GET /link-responses still lists it
            LOG.warn("Link response {} not queued for the webhooks: {}", response.id(), e.toString());
        }
    }
}
