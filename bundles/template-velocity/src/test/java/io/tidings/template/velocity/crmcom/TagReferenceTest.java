package io.tidings.template.velocity.crmcom;

import static org.junit.Assert.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.Test;

import io.tidings.api.tag.EntityDescriptor;
import io.tidings.api.tag.FieldDescriptor;
import io.tidings.api.tag.TagProvider;
import io.tidings.tags.orders.BookingTags;
import io.tidings.tags.orders.LocationTags;
import io.tidings.tags.orders.OrderTags;
import io.tidings.template.velocity.VelocityTemplateEngine;

/**
 * {@code docs/tags.md}, the tag reference, is generated from the tag bundles: this test fails when
 * it is stale. Regenerate it with
 * {@code mvn -o -pl bundles/template-velocity test -Dtest=TagReferenceTest -Dtidings.writeTagReference=true}.
 */
public class TagReferenceTest {

    private static final Path REFERENCE = Path.of("../../docs/tags.md");

    /** Feature name → the providers of its bundle, in the order the reference lists them. */
    static Map<String, List<TagProvider>> features() {
        Map<String, List<TagProvider>> features = new LinkedHashMap<>();
        List<TagProvider> all = CrmComSample.providers();
        features.put("tidings-tags-crm", new ArrayList<>(all.subList(0, 6)));
        features.put("tidings-tags-billing", new ArrayList<>(all.subList(6, 11)));
        features.put("tidings-tags-rewards", new ArrayList<>(all.subList(11, 15)));
        features.put("tidings-tags-orders", List.of(new OrderTags(), new BookingTags(), new LocationTags()));
        // built into the engine: its values are signed links made for each message
        features.put("tidings-core", List.of(new io.tidings.links.DynamicLinkTags()));
        return features;
    }

    static String reference() {
        StringBuilder md = new StringBuilder();
        md.append("# Tag reference\n\n")
                .append("Generated from the tag bundles by `TagReferenceTest` (bundles/template-velocity); do not edit.\n")
                .append("A running Tidings lists the tags installed right now at `GET /tidings/api/v1/tags`.\n\n")
                .append("Write a tag as `#entity.field`; follow a relation with one more segment: ")
                .append("`#payment.accounts_receivable.balance`. `#unrestricted.<name>` takes the value of ")
                .append("`data.unrestricted.<name>` of the event (a missing one fails the message, by name).\n\n")
                .append("Formatting by type: `MONEY` two decimals in the message's language (`1,234.50`, `1.234,50`), ")
                .append("or with its currency when the value is `{\"amount\": 12.5, \"currency\": \"EUR\"}` (`€12.50`); ")
                .append("`DATE` and `DATE_TIME` in the language's medium style, date-times in the contact's `time_zone`; ")
                .append("`BOOLEAN` as yes/no in the language; `LIST` joined with commas.\n\n");
        features().forEach((feature, providers) -> {
            md.append("## Feature `").append(feature).append("`\n\n");
            VelocityTemplateEngine engine = new VelocityTemplateEngine();
            providers.forEach(engine::addTagProvider);
            for (EntityDescriptor entity : engine.entities()) {
                md.append("### `").append(entity.entity()).append("`\n\n").append(entity.description()).append("\n\n");
                md.append("| tag | type | description |\n|---|---|---|\n");
                for (FieldDescriptor field : entity.fields()) {
                    md.append("| `#").append(entity.entity()).append('.').append(field.name()).append("` | ")
                            .append(field.type()).append(" | ").append(field.description().replace("|", "\\|"))
                            .append(" |\n");
                }
                new java.util.TreeMap<>(entity.relations()).forEach((relation, target) -> md.append("| `#").append(entity.entity()).append('.')
                        .append(relation).append(".…` | relation | the related `").append(target).append("` |\n"));
                md.append('\n');
            }
        });
        return md.toString();
    }

    @Test
    public void theCommittedReferenceMatchesTheTagBundles() throws IOException {
        String generated = reference();
        if (Boolean.getBoolean("tidings.writeTagReference")) {
            Files.createDirectories(REFERENCE.getParent());
            Files.writeString(REFERENCE, generated, StandardCharsets.UTF_8);
        }
        assertEquals("docs/tags.md is stale: regenerate it (see TagReferenceTest)", generated,
                Files.readString(REFERENCE, StandardCharsets.UTF_8));
    }
}
