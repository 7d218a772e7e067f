package io.tidings.store.jdbc;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.Test;

import io.tidings.api.BusinessEvent;
import io.tidings.api.Communication;
import io.tidings.api.CommunicationQuery;
import io.tidings.api.Medium;
import io.tidings.api.Purpose;
import io.tidings.api.ValidationException;
import io.tidings.api.access.Unit;
import io.tidings.api.access.UnitInUseException;
import io.tidings.api.location.Location;
import io.tidings.api.rule.NotificationRule;
import io.tidings.api.template.Template;
import io.tidings.api.template.TemplateContent;

/** The unit tree (parents must exist, no cycles, no delete while something belongs) and the unit columns. */
public class JdbcUnitsTest extends RepositoryContract {

    private void tree() {
        assertTrue(store.units().save(new Unit("head", "Head office", null)));
        assertTrue(store.units().save(new Unit("north", "North", "head")));
        assertTrue(store.units().save(new Unit("shop-1", "Shop 1", "north")));
    }

    @Test
    public void unitsFormATree() {
        tree();
        assertFalse("saved again: changed", store.units().save(new Unit("shop-1", "Shop one", "north")));

        assertEquals(List.of(new Unit("head", "Head office", null), new Unit("north", "North", "head"),
                new Unit("shop-1", "Shop one", "north")), store.units().units());
        assertEquals(List.of("shop-1", "north", "head"), store.units().tree().lineage("shop-1"));
        assertEquals(Set.of("north", "shop-1"), store.units().tree().subtree("north"));
    }

    @Test
    public void aParentMustExistAndNoCycleIsMade() {
        tree();
        ValidationException unknown = assertThrows(ValidationException.class,
                () -> store.units().save(new Unit("shop-2", "Shop 2", "south")));
        assertEquals("parent", unknown.field());
        ValidationException cycle = assertThrows(ValidationException.class,
                () -> store.units().save(new Unit("head", "Head office", "shop-1")));
        assertEquals("parent", cycle.field());
        ValidationException key = assertThrows(ValidationException.class,
                () -> store.units().save(new Unit("Shop_2", "Shop 2", null)));
        assertEquals("key", key.field());
        assertEquals("nothing half-applied", 3, store.units().units().size());
        assertEquals(null, store.units().unit("head").orElseThrow().parent());
    }

    @Test
    public void aUnitIsDeletedOnlyWhenNothingBelongs() {
        tree();
        store.rules().saveRule(new NotificationRule("ready", "Ready", "order.created", null, List.of(), null,
                List.of("t"), List.of(), Purpose.TRANSACTIONAL, null, true).withUnit("shop-1"));
        store.templates().saveTemplate(new Template("t", "T", Medium.SMS, "en",
                Map.of("en", new TemplateContent(null, null, "Hi")), 0).withUnit("shop-1"));
        store.locations().saveLocation(new Location("kyiv", "Kyiv", "Europe/Kyiv", "UA", Map.of()).withUnit("shop-1"));

        UnitInUseException north = assertThrows(UnitInUseException.class, () -> store.units().delete("north"));
        assertEquals(List.of("unit:shop-1"), north.belonging());
        UnitInUseException shop = assertThrows(UnitInUseException.class, () -> store.units().delete("shop-1"));
        assertEquals(List.of("template:t", "rule:ready", "location:kyiv"), shop.belonging());

        assertEquals("shop-1", store.rules().rule("ready").orElseThrow().unit());
        assertEquals("shop-1", store.templates().template("t").orElseThrow().unit());
        assertEquals("shop-1", store.locations().location("kyiv").orElseThrow().unit());

        store.rules().deleteRule("ready");
        store.templates().deleteTemplate("t");
        store.locations().deleteLocation("kyiv");
        assertTrue(store.units().delete("shop-1"));
        assertFalse(store.units().delete("shop-1"));
        assertTrue(store.units().delete("north"));
    }

    @Test
    public void communicationsKeepTheirUnitAndAreFilteredByIt() {
        tree();
        BusinessEvent shopEvent = event("e1").withUnit("shop-1");
        Communication inShop = queued(shopEvent, "a@example.com", NOW);
        store.outbox().ingest(shopEvent, List.of(inShop));
        BusinessEvent headEvent = event("e2");
        Communication noUnit = queued(headEvent, "b@example.com", NOW);
        store.outbox().ingest(headEvent, List.of(noUnit));

        assertEquals("shop-1", store.record().communication(inShop.id()).orElseThrow().unit());
        assertEquals(List.of(inShop.id()), store.record().communications(CommunicationQuery.all(10)
                .withUnits(Set.of("north", "shop-1"))).stream().map(Communication::id).toList());
        assertEquals(List.of(), store.record().communications(CommunicationQuery.all(10).withUnits(Set.of("north"))));
        assertEquals(2, store.record().communications(CommunicationQuery.all(10)).size());
        UnitInUseException used = assertThrows(UnitInUseException.class, () -> store.units().delete("shop-1"));
        assertEquals(List.of("communication:" + inShop.id()), used.belonging());
    }
}
