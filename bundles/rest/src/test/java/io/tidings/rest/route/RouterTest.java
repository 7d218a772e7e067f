package io.tidings.rest.route;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.Test;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;

public class RouterTest {

    private final Router router = new Router()
            .add("GET", "/templates", Role.VIEWER, (r, p) -> answer("list"))
            .add("POST", "/templates", Role.VIEWER, (r, p) -> answer("create"))
            .add("GET", "/templates/{key}", Role.VIEWER, (r, p) -> answer("get " + p.get("key")))
            .add("DELETE", "/templates/{key}", Role.VIEWER, (r, p) -> answer("delete " + p.get("key")))
            .add("GET", "/templates/{key}/versions/{version}", Role.VIEWER, (r, p) -> answer(p.get("key") + "@" + p.get("version")));

    private static ApiResponse answer(String text) {
        return ApiResponse.ok(JsonNodeFactory.instance.textNode(text));
    }

    private String dispatch(String method, String path) {
        return router.dispatch(new ApiRequest(method, path, Map.of(), null, null, "karaf", Set.of("tidings-admin"))).body().textValue();
    }

    @Test
    public void routesByMethodAndPath() {
        assertEquals("list", dispatch("GET", "/templates"));
        assertEquals("list", dispatch("GET", "/templates/"));
        assertEquals("create", dispatch("POST", "/templates"));
        assertEquals("get order_ready", dispatch("GET", "/templates/order_ready"));
        assertEquals("delete order_ready", dispatch("DELETE", "/templates/order_ready"));
        assertEquals("order_ready@3", dispatch("GET", "/templates/order_ready/versions/3"));
    }

    @Test
    public void pathParametersKeepNonAsciiKeys() {
        assertEquals("get замовлення_готове", dispatch("GET", "/templates/замовлення_готове"));
    }

    @Test
    public void unknownPathIs404() {
        ApiException e = assertThrows(ApiException.class, () -> dispatch("GET", "/nothing"));
        assertEquals(404, e.status());
        assertEquals(404, assertThrows(ApiException.class, () -> dispatch("GET", "/templates/a/b")).status());
        assertEquals(404, assertThrows(ApiException.class, () -> dispatch("GET", "/")).status());
    }

    @Test
    public void emptySegmentDoesNotMatchAParameter() {
        assertEquals(404, assertThrows(ApiException.class, () -> dispatch("GET", "/templates//versions/1")).status());
    }

    @Test
    public void wrongMethodIs405WithAllow() {
        ApiException e = assertThrows(ApiException.class, () -> dispatch("PATCH", "/templates/x"));
        assertEquals(405, e.status());
        assertEquals("DELETE, GET", e.headers().get("Allow"));
    }

    @Test
    public void aCallerWithoutTheRouteRoleIs403NamingIt() {
        Router guarded = new Router().add("PUT", "/templates/{key}", Role.EDITOR, (r, p) -> answer("put"));
        ApiException e = assertThrows(ApiException.class, () -> guarded.dispatch(
                new ApiRequest("PUT", "/templates/x", Map.of(), null, null, "v", Set.of("tidings-viewer"))));
        assertEquals(403, e.status());
        assertEquals("this needs the role tidings-editor (or tidings-admin)", e.getMessage());
        assertEquals("put", guarded.dispatch(new ApiRequest("PUT", "/templates/x", Map.of(), null, null, "e",
                Set.of("tidings-editor"))).body().textValue());
    }

    @Test
    public void parsesQueryStringsAsUtf8() {
        Map<String, List<String>> q = ApiRequest.parseQuery(
                "contact=s%C3%B8ren%40example.dk&status=SENT&empty=&flag&status=FAILED&name=%D0%9E%D0%BB%D0%B5%D0%BD%D0%B0+%D0%A8");
        assertEquals(List.of("søren@example.dk"), q.get("contact"));
        assertEquals(List.of("SENT", "FAILED"), q.get("status"));
        assertEquals(List.of("Олена Ш"), q.get("name"));
        ApiRequest request = new ApiRequest("GET", "/communications", q, null, null, "karaf", Set.of("tidings-admin"));
        assertEquals("SENT", request.param("status"));
        assertEquals(null, request.param("empty"));
        assertEquals(null, request.param("flag"));
        assertEquals(null, request.param("missing"));
    }

    @Test
    public void badQueryEncodingIs400() {
        assertEquals(400, assertThrows(ApiException.class, () -> ApiRequest.parseQuery("contact=%E")).status());
    }
}
