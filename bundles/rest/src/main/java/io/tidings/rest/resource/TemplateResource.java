package io.tidings.rest.resource;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.ArrayNode;

import io.tidings.api.ValidationException;
import io.tidings.api.template.RenderedMessage;
import io.tidings.api.template.Template;
import io.tidings.api.template.TemplateService;
import io.tidings.api.template.TemplateVersion;
import io.tidings.rest.json.JsonCodec;
import io.tidings.rest.json.TemplateJson;
import io.tidings.rest.json.TemplateJson.PreviewRequest;
import io.tidings.rest.route.ApiException;
import io.tidings.rest.route.ApiRequest;
import io.tidings.rest.route.ApiResponse;
import io.tidings.rest.route.Audit;
import io.tidings.rest.route.Role;
import io.tidings.rest.route.Router;

/** {@code /templates[/{key}[/versions[/{n}[/rollback]] | /preview]]}. */
final class TemplateResource {

    private final Services services;

    TemplateResource(Services services) {
        this.services = services;
    }

    void register(Router router) {
        router.add("GET", "/templates", Role.VIEWER, this::list)
                .add("POST", "/templates", Role.EDITOR, Audit.saved("template"), this::create)
                .add("GET", "/templates/{key}", Role.VIEWER, this::get)
                .add("PUT", "/templates/{key}", Role.EDITOR, Audit.saved("template"), this::put)
                .add("DELETE", "/templates/{key}", Role.EDITOR, Audit.saved("template"), this::delete)
                .add("GET", "/templates/{key}/versions", Role.VIEWER, this::versions)
                .add("GET", "/templates/{key}/versions/{version}", Role.VIEWER, this::version)
                .add("POST", "/templates/{key}/versions/{version}/rollback", Role.EDITOR,
                        (request, params, response, before) -> List.of(new Audit.Change("rolled back", "template",
                                params.get("key"), "to version " + params.get("version") + ", now version "
                                        + response.body().get("version").asText())),
                        this::rollback)
                .add("POST", "/templates/{key}/preview", Role.EDITOR, this::preview);
    }

    private ApiResponse list(ApiRequest request, Map<String, String> params) {
        ArrayNode array = JsonCodec.array();
        TemplateService store = services.templates();
        io.tidings.api.access.UnitScope scope = services.scope(request);
        store.templates().stream().filter(t -> scope.sees(t.unit()))
                .forEach(t -> array.add(TemplateJson.write(t, store.validity(t))));
        return ApiResponse.ok(array);
    }

    private ApiResponse create(ApiRequest request, Map<String, String> params) {
        Template template = TemplateJson.read(JsonCodec.parse(request.contentType(), request.body()));
        if (template.key() == null || template.key().isBlank()) {
            throw new ValidationException("key", "is required");
        }
        TemplateService store = services.templates();
        template = template.withUnit(services.assignUnit(request, template.unit()));
        if (store.template(template.key()).isPresent()) {
            throw ApiException.conflict("template '" + template.key() + "' exists; PUT /templates/" + template.key()
                    + " changes it", "key");
        }
        Template saved = store.save(template, request.user());
        return ApiResponse.created(Queries.location("templates", saved.key()), withValidity(saved));
    }

    private ApiResponse get(ApiRequest request, Map<String, String> params) {
        return ApiResponse.ok(withValidity(existing(request, params.get("key"))));
    }

    private ApiResponse put(ApiRequest request, Map<String, String> params) {
        String key = params.get("key");
        Template template = TemplateJson.read(JsonCodec.parse(request.contentType(), request.body()));
        if (template.key() == null) {
            template = new Template(key, template.name(), template.medium(), template.defaultLanguage(),
                    template.contents(), 0, template.attachments(), template.replyTo(), template.unit());
        } else if (!template.key().equals(key)) {
            throw new ValidationException("key", "'" + template.key() + "' differs from the key in the path '" + key
                    + "'; a template's key cannot be changed");
        }
        TemplateService store = services.templates();
        Optional<Template> before = visible(request, store.template(key));
        before.ifPresent(t -> services.checkChange(request, t.unit()));
        boolean existed = before.isPresent();
        template = template.withUnit(services.assignUnit(request, template.unit()));
        Template saved = store.save(template, request.user());
        return existed ? ApiResponse.ok(withValidity(saved))
                : ApiResponse.created(Queries.location("templates", key), withValidity(saved));
    }

    private ApiResponse delete(ApiRequest request, Map<String, String> params) {
        String key = params.get("key");
        services.checkChange(request, existing(request, key).unit());
        List<String> users = TemplateUsers.rulesUsing(services.rules(), key);
        if (!users.isEmpty()) {
            throw ApiException.conflict("template '" + key + "' is used by rules: " + String.join(", ", users)
                    + "; change those rules to another template first", "key");
        }
        if (!services.templates().delete(params.get("key"))) {
            throw ApiException.notFound("no template '" + params.get("key") + "'");
        }
        return ApiResponse.noContent();
    }

    /** Every stored version, oldest first, without their contents: who saved each and when. */
    private ApiResponse versions(ApiRequest request, Map<String, String> params) {
        String key = params.get("key");
        Template current = existing(request, key);
        ArrayNode array = JsonCodec.array();
        for (TemplateVersion v : services.templates().versions(key)) {
            var version = array.addObject().put("version", v.version()).put("name", v.name())
                    .put("current", v.version() == current.version());
            version.put("savedBy", v.savedBy());
            version.put("savedAt", v.savedAt() == null ? null : v.savedAt().toString());
        }
        return ApiResponse.ok(array);
    }

    private ApiResponse version(ApiRequest request, Map<String, String> params) {
        existing(request, params.get("key"));
        return ApiResponse.ok(withValidity(stored(params.get("key"), params.get("version"))));
    }

    /** Saves the chosen version's name and contents again: a new version equal to the old one. */
    private ApiResponse rollback(ApiRequest request, Map<String, String> params) {
        String unit = existing(request, params.get("key")).unit();
        services.checkChange(request, unit);
        Template old = stored(params.get("key"), params.get("version"));
        // the template stays in its current unit: a rollback restores words, not ownership
        Template saved = services.templates().save(old.withVersion(0).withUnit(unit), request.user());
        return ApiResponse.ok(withValidity(saved));
    }

    private Template stored(String key, String text) {
        int version;
        try {
            version = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new ValidationException("version", "must be a positive whole number, was '" + text + "'");
        }
        if (version < 1) {
            throw new ValidationException("version", "must be a positive whole number, was '" + text + "'");
        }
        Optional<Template> template = services.templates().template(key, version);
        if (template.isEmpty()) {
            existing(key);
            throw ApiException.notFound("template '" + key + "' has no version " + version);
        }
        return template.get();
    }

    private ApiResponse preview(ApiRequest request, Map<String, String> params) {
        String key = params.get("key");
        PreviewRequest preview = TemplateJson.readPreview(JsonCodec.parse(request.contentType(), request.body()));
        existing(request, key);
        RenderedMessage rendered = services.templates().preview(key, preview.language(), preview.data());
        return ApiResponse.ok(TemplateJson.writePreview(rendered));
    }

    /** Checked against the tags installed now: a tag bundle uninstalled since the save makes it invalid. */
    private com.fasterxml.jackson.databind.node.ObjectNode withValidity(Template template) {
        return TemplateJson.write(template, services.templates().validity(template));
    }

    /** The template if the caller may see it: another unit's answers 404 as an unknown one does. */
    private Template existing(ApiRequest request, String key) {
        return visible(request, services.templates().template(key))
                .orElseThrow(() -> ApiException.notFound("no template '" + key + "'"));
    }

    private Optional<Template> visible(ApiRequest request, Optional<Template> template) {
        io.tidings.api.access.UnitScope scope = services.scope(request);
        return template.filter(t -> scope.sees(t.unit()));
    }

    private Template existing(String key) {
        return services.templates().template(key)
                .orElseThrow(() -> ApiException.notFound("no template '" + key + "'"));
    }
}
