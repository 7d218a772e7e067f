package io.tidings.rest.resource;

import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tidings.api.ValidationException;
import io.tidings.rest.json.ErrorJson;
import io.tidings.rest.route.ApiException;
import io.tidings.rest.route.ApiRequest;
import io.tidings.rest.route.ApiResponse;
import io.tidings.rest.route.Role;
import io.tidings.rest.route.Router;

/**
 * The whole HTTP API below {@code /tidings/api/v1} after authentication: routes a request and turns
 * every failure into the JSON error shape, never a stack trace.
 */
public final class TidingsApi {

    private static final Logger LOG = LoggerFactory.getLogger(TidingsApi.class);

    private final Router router;

    public TidingsApi(Services services) {
        router = new Router(new AuditRecorder(services, java.time.Clock.systemUTC()));
        new EventResource(services).register(router);
        new TemplateResource(services).register(router);
        new TagResource(services).register(router);
        new RuleResource(services).register(router);
        new LocationResource(services).register(router);
        new CommunicationResource(services).register(router);
        new ChannelResource(services).register(router);
        new DispatchResource(services).register(router);
        new MetricsResource(services).register(router);
        new DevboxResource(services).register(router);
        new ConsentResource(services).register(router);
        new SuppressionResource(services).register(router);
        new CommunicationLogResource(services).register(router);
        new EngagementResource(services).register(router);
        new QueueResource(services).register(router);
        new ApiKeyResource(services).register(router);
        new AuditResource(services).register(router);
        new RunResource(services).register(router);
        new WebhookResource(services).register(router);
        new UnitResource(services).register(router);
    }

    private volatile byte[] openApi;

    /** The OpenAPI document of the routes served, built once. */
    public byte[] openApi() {
        byte[] document = openApi;
        if (document == null) {
            document = io.tidings.rest.json.JsonCodec.write(OpenApiDocument.of(router.roles()));
            openApi = document;
        }
        return document;
    }

    /** Who may do what: the role each method on each path needs. */
    public Map<String, Role> roles() {
        return router.roles();
    }

    public ApiResponse handle(ApiRequest request) {
        try {
            return router.dispatch(request);
        } catch (ValidationException e) {
            return ApiResponse.of(400, ErrorJson.write(e.reason(), e.field(), e.line(), e.column()));
        } catch (ApiException e) {
            return error(e);
        } catch (io.tidings.api.access.UnitAccessException e) {
            return ApiResponse.of(403, ErrorJson.write(e.getMessage(), "unit", 0, 0));
        } catch (io.tidings.api.access.UnitInUseException e) {
            return ApiResponse.of(409, ErrorJson.write(e.getMessage(), "key", 0, 0));
        } catch (RuntimeException e) {
            return unexpected(request, e);
        }
    }

    public static ApiResponse error(ApiException e) {
        return ApiResponse.of(e.status(), ErrorJson.write(e.getMessage(), e.field(), 0, 0)).withHeaders(e.headers());
    }

    /**
     * Logs the method and path only: query strings and bodies can hold addresses and message text.
     * The error id ties the caller's answer to the log entry.
     */
    public static ApiResponse unexpected(ApiRequest request, RuntimeException e) {
        String errorId = UUID.randomUUID().toString().substring(0, 8);
        LOG.error("{} {} failed, error id {}", request.method(), request.path(), errorId, e);
        return ApiResponse.of(500, ErrorJson.internal(errorId));
    }
}
