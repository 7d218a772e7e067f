package io.tidings.tags.crm;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.time.ZoneId;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.Test;

import io.tidings.api.tag.FieldDescriptor;
import io.tidings.api.tag.TagProvider;

public class ContactInformationTagsTest {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");
    private final TagProvider tags = new ContactInformationTags();

    @Test
    public void descriptorsAreWellFormed() {
        assertTrue(IDENTIFIER.matcher(tags.entity()).matches());
        assertFalse(tags.description().isBlank());
        Set<String> names = new HashSet<>();
        for (FieldDescriptor field : tags.fields()) {
            assertTrue("field name " + field.name(), IDENTIFIER.matcher(field.name()).matches());
            assertTrue("duplicate field " + field.name(), names.add(field.name()));
            assertNotNull("type of " + field.name(), field.type());
            assertFalse("description of " + field.name(), field.description() == null || field.description().isBlank());
        }
        tags.relations().forEach((relation, target) -> {
            assertTrue(IDENTIFIER.matcher(relation).matches());
            assertTrue(IDENTIFIER.matcher(target).matches());
            assertFalse("relation " + relation + " is also a field", names.contains(relation));
        });
    }

    @Test
    public void consentIsNotATag() {
        assertTrue(tags.fields().stream().noneMatch(f -> f.name().contains("consent")));
    }

    @Test
    public void coversTheFieldsTemplatesUse() {
        Set<String> names = new HashSet<>();
        tags.fields().forEach(f -> names.add(f.name()));
        assertTrue(names.containsAll(Set.of("name", "first_name", "last_name", "email", "phone",
                "preferred_language", "time_zone", "segment")));
    }

    @Test
    public void preferredLanguageIsShownByItsNameInTheMessageLanguage() {
        assertEquals(Optional.of("Ukrainian"), tags.format("preferred_language", "uk", Locale.ENGLISH, ZoneId.of("UTC")));
        assertEquals(Optional.of("ukrainsk"),
                tags.format("preferred_language", "uk", Locale.forLanguageTag("da"), ZoneId.of("UTC")));
        assertEquals(Optional.empty(), tags.format("preferred_language", "not a tag!", Locale.ENGLISH, null));
        assertEquals(Optional.empty(), tags.format("name", "Olena", Locale.ENGLISH, null));
    }
}
