package io.tidings.rest.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Map;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.osgi.service.metatype.annotations.Designate;

import io.tidings.api.NotificationService;
import io.tidings.api.access.ApiKeys;
import io.tidings.api.access.AuditTrail;
import io.tidings.api.access.LoginThrottle;
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
import io.tidings.rest.auth.BasicAuthentication;
import io.tidings.rest.auth.JaasAuthenticator;
import io.tidings.rest.auth.RequestAuthentication;
import io.tidings.rest.json.ErrorJson;
import io.tidings.rest.json.JsonCodec;
import io.tidings.rest.resource.OpenApiDocument;
import io.tidings.rest.resource.Services;
import io.tidings.rest.resource.TidingsApi;
import io.tidings.rest.route.ApiException;
import io.tidings.rest.route.ApiRequest;
import io.tidings.rest.route.ApiResponse;

/**
 * The servlet the HTTP Whiteboard serves at {@code /tidings/api/v1/*}: authenticates, reads the
 * body within its limit and hands over to {@link TidingsApi}. Every collaborator is optional and
 * dynamic so the API answers 503 rather than disappearing while the engine restarts.
 */
@Component(service = Servlet.class, configurationPid = "io.tidings.rest")
@Designate(ocd = RestConfiguration.class)
@HttpWhiteboardServletPattern("/tidings/api/v1/*")
@HttpWhiteboardServletName("tidings-rest-api")
public class ApiServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private transient volatile int maxBody = 16 * 1024 * 1024;

    private final transient Services services = new Services();
    private final transient TidingsApi api = new TidingsApi(services);
    private transient volatile RequestAuthentication authentication;
    private transient volatile io.tidings.rest.auth.ScrapeToken scrapeToken = new io.tidings.rest.auth.ScrapeToken(null);

    @Activate
    @Modified
    void configure(RestConfiguration config) {
        BasicAuthentication basic = new BasicAuthentication(new JaasAuthenticator(), config.realm(), config.role(),
                Duration.ofSeconds(Math.max(0, config.loginCacheSeconds())));
        authentication = new RequestAuthentication(basic, services::apiKeysIfAvailable,
                new LoginThrottle(Math.max(0, config.loginFailuresPerUser()), Math.max(0, config.loginFailuresPerAddress()),
                        Duration.ofSeconds(Math.max(1, config.loginFailureWindowSeconds())), System::nanoTime));
        maxBody = Math.max(1, Math.min(1024, config.maxBodyMegabytes())) * 1024 * 1024;
        scrapeToken = new io.tidings.rest.auth.ScrapeToken(config._scrapeToken());
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if ("GET".equals(request.getMethod()) && OpenApiDocument.PATH.equals(request.getPathInfo())) {
            // the description of the API is no secret: a host reads it before it has credentials
            response.setStatus(200);
            response.setContentType("application/json; charset=utf-8");
            response.setHeader("Cache-Control", "no-store");
            response.getOutputStream().write(api.openApi());
            return;
        }
        String authorization = request.getHeader("Authorization");
        BasicAuthentication.Outcome outcome = scrapeToken.opens(request.getMethod(), request.getPathInfo(), authorization)
                ? new BasicAuthentication.Outcome(0, "scrape token", null, java.util.Set.of("tidings-viewer"))
                : authentication.authenticate(authorization, request.getRemoteAddr());
        if (!outcome.allowed()) {
            ApiResponse denied = ApiResponse.of(outcome.status(), ErrorJson.write(outcome.reason(), null, 0, 0));
            if (outcome.status() == 401) {
                denied = denied.withHeaders(Map.of("WWW-Authenticate", "Basic realm=\"Tidings\""));
            } else if (outcome.status() == 429 || outcome.status() == 503) {
                denied = denied.withHeaders(Map.of("Retry-After",
                        Long.toString(Math.max(1, outcome.retryAfterSeconds()))));
            }
            write(response, denied);
            return;
        }
        ApiRequest apiRequest = new ApiRequest(request.getMethod(), request.getPathInfo(), Map.of(),
                request.getContentType(), null, outcome.user(), outcome.roles());
        ApiResponse answer;
        try {
            apiRequest = new ApiRequest(request.getMethod(), request.getPathInfo(),
                    ApiRequest.parseQuery(request.getQueryString()), request.getContentType(), body(request),
                    outcome.user(), outcome.roles());
            answer = api.handle(apiRequest);
        } catch (ApiException e) {
            answer = TidingsApi.error(e);
        } catch (RuntimeException e) {
            answer = TidingsApi.unexpected(apiRequest, e);
        }
        write(response, answer);
    }

    private byte[] body(HttpServletRequest request) throws IOException {
        long declared = request.getContentLengthLong();
        if (declared > maxBody) {
            throw tooLarge();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(declared > 0 ? (int) declared : 1024);
        byte[] buffer = new byte[8192];
        try (InputStream in = request.getInputStream()) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                if (out.size() + n > maxBody) {
                    throw tooLarge();
                }
                out.write(buffer, 0, n);
            }
        }
        return out.toByteArray();
    }

    private ApiException tooLarge() {
        return new ApiException(413, "the request body exceeds " + maxBody / (1024 * 1024)
                + " MB (maxBodyMegabytes in etc/io.tidings.rest.cfg)", "body", Map.of());
    }

    private static void write(HttpServletResponse response, ApiResponse answer) throws IOException {
        response.setStatus(answer.status());
        answer.headers().forEach(response::setHeader);
        response.setHeader("Cache-Control", "no-store");
        if (answer.body() == null) {
            return;
        }
        boolean text = answer.headers().containsKey("Content-Type") && answer.body().isTextual();
        byte[] bytes = text ? answer.body().textValue().getBytes(java.nio.charset.StandardCharsets.UTF_8)
                : JsonCodec.write(answer.body());
        if (!text) {
            response.setContentType(JsonCodec.MEDIA_TYPE + ";charset=UTF-8");
        }
        response.setContentLength(bytes.length);
        try (OutputStream out = response.getOutputStream()) {
            out.write(bytes);
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindUnits(io.tidings.api.access.Units service) {
        services.setUnits(service);
    }

    void unbindUnits(io.tidings.api.access.Units service) {
        services.unsetUnits(service);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindRunService(io.tidings.api.run.RunService service) {
        services.setRuns(service);
    }

    void unbindRunService(io.tidings.api.run.RunService service) {
        services.unsetRuns(service);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindNotificationService(NotificationService service) {
        services.setNotifications(service);
    }

    void unbindNotificationService(NotificationService service) {
        services.unsetNotifications(service);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindTemplateService(TemplateService service) {
        services.setTemplates(service);
    }

    void unbindTemplateService(TemplateService service) {
        services.unsetTemplates(service);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindTagDirectory(TagDirectory service) {
        services.setTags(service);
    }

    void unbindTagDirectory(TagDirectory service) {
        services.unsetTags(service);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindRuleService(RuleService service) {
        services.setRules(service);
    }

    void unbindRuleService(RuleService service) {
        services.unsetRules(service);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindLocationService(LocationService service) {
        services.setLocations(service);
    }

    void unbindLocationService(LocationService service) {
        services.unsetLocations(service);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindRuleExplainer(RuleExplainer service) {
        services.setExplainer(service);
    }

    void unbindRuleExplainer(RuleExplainer service) {
        services.unsetExplainer(service);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindRuleBulkService(RuleBulkService service) {
        services.setBulkRules(service);
    }

    void unbindRuleBulkService(RuleBulkService service) {
        services.unsetBulkRules(service);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindOptOutService(OptOutService service) {
        services.setConsent(service);
    }

    void unbindOptOutService(OptOutService service) {
        services.unsetConsent(service);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindCommunicationLog(io.tidings.api.log.CommunicationLog service) {
        services.setCommunicationLog(service);
    }

    void unbindCommunicationLog(io.tidings.api.log.CommunicationLog service) {
        services.unsetCommunicationLog(service);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindSuppressionList(io.tidings.api.suppression.SuppressionList service) {
        services.setSuppressions(service);
    }

    void unbindSuppressionList(io.tidings.api.suppression.SuppressionList service) {
        services.unsetSuppressions(service);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindWebhooks(io.tidings.api.webhook.Webhooks service) {
        services.setWebhooks(service);
    }

    void unbindWebhooks(io.tidings.api.webhook.Webhooks service) {
        services.unsetWebhooks(service);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindExternalQueue(io.tidings.api.queue.ExternalQueue service) {
        services.setQueue(service);
    }

    void unbindExternalQueue(io.tidings.api.queue.ExternalQueue service) {
        services.unsetQueue(service);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindDynamicLinks(DynamicLinks service) {
        services.setLinks(service);
    }

    void unbindDynamicLinks(DynamicLinks service) {
        services.unsetLinks(service);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindMessageArchive(MessageArchive service) {
        services.setArchive(service);
    }

    void unbindMessageArchive(MessageArchive service) {
        services.unsetArchive(service);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindChannelDirectory(ChannelDirectory service) {
        services.setChannels(service);
    }

    void unbindChannelDirectory(ChannelDirectory service) {
        services.unsetChannels(service);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindApiKeys(ApiKeys service) {
        services.setApiKeys(service);
    }

    void unbindApiKeys(ApiKeys service) {
        services.unsetApiKeys(service);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindAuditTrail(AuditTrail service) {
        services.setAudit(service);
    }

    void unbindAuditTrail(AuditTrail service) {
        services.unsetAudit(service);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindDispatcherStatus(io.tidings.api.DispatcherStatus service) {
        services.setDispatcher(service);
    }

    void unbindDispatcherStatus(io.tidings.api.DispatcherStatus service) {
        services.unsetDispatcher(service);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindDispatchControl(io.tidings.api.DispatchControl service) {
        services.setDispatchControl(service);
    }

    void unbindDispatchControl(io.tidings.api.DispatchControl service) {
        services.unsetDispatchControl(service);
    }
}
