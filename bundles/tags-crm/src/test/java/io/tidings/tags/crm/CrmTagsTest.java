package io.tidings.tags.crm;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.Test;

import io.tidings.api.tag.FieldDescriptor;
import io.tidings.api.tag.TagProvider;

/** Every provider of the bundle describes itself the way the engine and the editor need. */
public class CrmTagsTest {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");

    static final List<TagProvider> PROVIDERS = List.of(new ContactInformationTags(), new SubscriptionTags(), new JobTags(), new ActivityTags(), new ServiceRequestTags(), new LeadTags());

    @Test
    public void descriptorsAreWellFormed() {
        Set<String> entities = new HashSet<>();
        for (TagProvider tags : PROVIDERS) {
            assertTrue(IDENTIFIER.matcher(tags.entity()).matches());
            assertTrue("duplicate entity " + tags.entity(), entities.add(tags.entity()));
            assertFalse(tags.description().isBlank());
            Set<String> names = new HashSet<>();
            for (FieldDescriptor field : tags.fields()) {
                assertTrue("field name " + field.name(), IDENTIFIER.matcher(field.name()).matches());
                assertTrue("duplicate field " + tags.entity() + "." + field.name(), names.add(field.name()));
                assertNotNull("type of " + field.name(), field.type());
                assertFalse("description of " + field.name(), field.description() == null || field.description().isBlank());
            }
            tags.relations().forEach((relation, target) -> {
                assertTrue(IDENTIFIER.matcher(relation).matches());
                assertTrue(IDENTIFIER.matcher(target).matches());
                assertFalse("relation " + relation + " is also a field", names.contains(relation));
            });
        }
    }
}
