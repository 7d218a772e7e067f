package io.tidings.tags.orders;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.Test;

import io.tidings.api.tag.FieldDescriptor;
import io.tidings.api.tag.FieldType;
import io.tidings.api.tag.TagProvider;

public class OrderBookingLocationTagsTest {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");
    /** Entities of other bundles that relations here may point to. */
    private static final Set<String> ELSEWHERE = Set.of("contact_information");

    private final List<TagProvider> providers = List.of(new OrderTags(), new BookingTags(), new LocationTags());

    @Test
    public void descriptorsAreWellFormed() {
        Set<String> entities = providers.stream().map(TagProvider::entity).collect(Collectors.toSet());
        assertEquals("one provider per entity", providers.size(), entities.size());
        for (TagProvider provider : providers) {
            String entity = provider.entity();
            assertTrue(entity, IDENTIFIER.matcher(entity).matches());
            assertFalse(provider.description().isBlank());
            Set<String> names = new HashSet<>();
            for (FieldDescriptor field : provider.fields()) {
                assertTrue(entity + "." + field.name(), IDENTIFIER.matcher(field.name()).matches());
                assertTrue("duplicate " + entity + "." + field.name(), names.add(field.name()));
                assertNotNull(field.type());
                assertFalse(field.description() == null || field.description().isBlank());
            }
            provider.relations().forEach((relation, target) -> {
                assertTrue(IDENTIFIER.matcher(relation).matches());
                assertFalse(entity + "." + relation + " is both a field and a relation", names.contains(relation));
                assertTrue(entity + "." + relation + " points to unknown entity " + target,
                        entities.contains(target) || ELSEWHERE.contains(target));
            });
        }
    }

    @Test
    public void amountsAndTimesAreTyped() {
        assertEquals(FieldType.MONEY, type(new OrderTags(), "total"));
        assertEquals(FieldType.DATE_TIME, type(new OrderTags(), "scheduled_at"));
        assertEquals(FieldType.DATE_TIME, type(new BookingTags(), "start_at"));
        assertEquals(FieldType.TEXT, type(new LocationTags(), "working_hours"));
    }

    @Test
    public void ordersAndBookingsReachTheirLocationAndClient() {
        for (TagProvider provider : List.of(new OrderTags(), new BookingTags())) {
            assertEquals("location", provider.relations().get("location"));
            assertEquals("contact_information", provider.relations().get("contact_information"));
        }
        assertTrue(new LocationTags().relations().isEmpty());
    }

    private static FieldType type(TagProvider provider, String field) {
        return provider.fields().stream().filter(f -> f.name().equals(field)).findFirst()
                .orElseThrow(() -> new AssertionError("no field " + field)).type();
    }
}
