package io.tidings.rest.resource;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.junit.Before;
import org.junit.Test;

import io.tidings.api.ValidationException;
import io.tidings.api.access.Unit;
import io.tidings.api.access.UnitInUseException;
import io.tidings.api.access.Units;
import io.tidings.api.queue.ExternalQueue;
import io.tidings.api.queue.QueuedMessage;
import io.tidings.rest.fixture.InMemoryAudit;
import io.tidings.rest.fixture.InMemoryRules;
import io.tidings.rest.fixture.InMemoryTemplates;
import io.tidings.rest.route.ApiRequest;
import io.tidings.rest.route.ApiResponse;

/** Unit scoping over REST: 404 for what another unit owns, 403 naming the unit for changes outside. */
public class UnitScopeApiTest {

    private static final Set<String> ADMIN = Set.of("tidings-admin");
    private static final Set<String> NORTH_EDITOR = Set.of("tidings-editor", "tidings-unit-north");
    private static final Set<String> NORTH_HOST = Set.of("tidings-ingest", "tidings-unit-north");

    /** The tree: a parent must exist; the store's further checks are the store's tests'. */
    private static final class MemoryUnits implements Units {
        final Map<String, Unit> units = new TreeMap<>();

        @Override
        public List<Unit> units() {
            return List.copyOf(units.values());
        }

        @Override
        public Optional<Unit> unit(String key) {
            return Optional.ofNullable(units.get(key));
        }

        @Override
        public boolean save(Unit unit) {
            unit.validate();
            if (unit.parent() != null && !units.containsKey(unit.parent())) {
                throw new ValidationException("parent", "no unit '" + unit.parent() + "'");
            }
            return units.put(unit.key(), unit) == null;
        }

        @Override
        public boolean delete(String key) {
            if (units.values().stream().anyMatch(u -> key.equals(u.parent()))) {
                throw new UnitInUseException(key, units.values().stream().filter(u -> key.equals(u.parent()))
                        .map(u -> "unit:" + u.key()).toList());
            }
            return units.remove(key) != null;
        }
    }

    /** Two external channels: one of south, one of north; claims are recorded. */
    private final List<String> claims = new ArrayList<>();
    private final ExternalQueue queue = new ExternalQueue() {
        @Override
        public List<QueuedMessage> claim(String channel, int limit, Duration lease) {
            claims.add(channel);
            return List.of();
        }

        @Override
        public boolean acknowledge(String channel, String communicationId, boolean delivered, String reason) {
            return true;
        }

        @Override
        public String unitOf(String channel) {
            return channel.startsWith("south") ? "south" : channel.startsWith("north") ? "north" : null;
        }
    };

    private final Services services = new Services();
    private final TidingsApi api = new TidingsApi(services);

    @Before
    public void bind() {
        InMemoryTemplates templates = new InMemoryTemplates();
        services.setTemplates(templates);
        services.setRules(new InMemoryRules(templates));
        services.setAudit(new InMemoryAudit());
        services.setUnits(new MemoryUnits());
        services.setQueue(queue);
        for (String unit : List.of("{'key':'head','name':'Head'}", "{'key':'north','name':'North','parent':'head'}",
                "{'key':'south','name':'South','parent':'head'}")) {
            assertEquals(201, call(ADMIN, "POST", "/units", unit).status());
        }
        ApiResponse template = call(ADMIN, "POST", "/templates", "{'key':'t','name':'Klar','medium':'SMS',"
                + "'defaultLanguage':'da','contents':{'da':{'text':'Din ordre er klar'}}}");
        assertEquals(String.valueOf(template.body()), 201, template.status());
    }

    private ApiResponse call(Set<String> roles, String method, String path, String singleQuoted) {
        return api.handle(new ApiRequest(method, path, Map.of(), "application/json",
                singleQuoted == null ? null : singleQuoted.replace('\'', '"').getBytes(StandardCharsets.UTF_8), "someone",
                roles));
    }

    private static String rule(String key, String unit) {
        return "{'key':'" + key + "','name':'" + key + "','event':'order.created','templates':['t'],'unit':"
                + (unit == null ? "null" : "'" + unit + "'") + "}";
    }

    @Test
    public void anotherUnitsRuleIsAbsentAndAHeadOfficeRuleIsReadOnly() {
        assertEquals(201, call(ADMIN, "POST", "/rules", rule("south-rule", "south")).status());
        assertEquals(201, call(ADMIN, "POST", "/rules", rule("head-rule", null)).status());

        assertEquals(404, call(NORTH_EDITOR, "GET", "/rules/south-rule", null).status());
        assertEquals(404, call(NORTH_EDITOR, "DELETE", "/rules/south-rule", null).status());
        assertEquals(200, call(NORTH_EDITOR, "GET", "/rules/head-rule", null).status());
        ApiResponse change = call(NORTH_EDITOR, "PUT", "/rules/head-rule", rule("head-rule", null));
        assertEquals(403, change.status());
        assertEquals("unit", change.body().get("field").asText());
        String listed = call(NORTH_EDITOR, "GET", "/rules", null).body().toString();
        assertTrue(listed, listed.contains("head-rule"));
        assertFalse(listed, listed.contains("south-rule"));

        ApiResponse created = call(NORTH_EDITOR, "POST", "/rules", rule("mine", null));
        assertEquals(201, created.status());
        assertEquals("north", created.body().get("unit").asText());
        ApiResponse unknown = call(ADMIN, "POST", "/rules", rule("ghost", "nowhere"));
        assertEquals(400, unknown.status());
        assertEquals("unit", unknown.body().get("field").asText());
    }

    @Test
    public void aUnitHostClaimsOnlyItsUnitsExternalChannels() {
        assertEquals(200, call(NORTH_HOST, "POST", "/queue/north-sms/claim", null).status());
        assertEquals(404, call(NORTH_HOST, "POST", "/queue/south-sms/claim", null).status());
        assertEquals(404, call(NORTH_HOST, "POST", "/queue/head-sms/claim", null).status());
        assertEquals(200, call(Set.of("tidings-ingest"), "POST", "/queue/south-sms/claim", null).status());
        assertEquals(List.of("north-sms", "south-sms"), claims);
    }

    @Test
    public void aUnitWithChildrenIsNotDeleted() {
        ApiResponse refused = call(ADMIN, "DELETE", "/units/head", null);
        assertEquals(409, refused.status());
        assertTrue(refused.body().toString(), refused.body().get("error").asText().contains("unit:north"));
        assertEquals(403, call(Set.of("tidings-admin", "tidings-unit-north"), "POST", "/units",
                "{'key':'east','name':'East','parent':'head'}").status());
        assertEquals(201, call(Set.of("tidings-admin", "tidings-unit-north"), "POST", "/units",
                "{'key':'shop-n1','name':'Shop','parent':'north'}").status());
    }

    /** The log has no units: a caller limited to units gets a 403 that says so, not another unit's calls. */
    @Test
    public void aUnitLimitedCallerNeitherReadsNorWritesTheCommunicationLog() {
        ApiResponse feed = call(NORTH_EDITOR, "GET", "/feed", null);
        assertEquals(403, feed.status());
        assertTrue(String.valueOf(feed.body()), feed.body().path("error").asText().contains("communication log"));
        assertEquals(403, call(NORTH_HOST, "POST", "/communications", "{'id':'call-1','medium':'PHONE',"
                + "'direction':'OUTBOUND','state':'COMPLETED','occurredAt':'2026-12-01T10:00:00Z'}").status());
        assertEquals(403, call(NORTH_EDITOR, "GET", "/follow-ups", null).status());
    }
}
