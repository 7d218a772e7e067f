package io.tidings.webconsole.page;

import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.Test;

import io.tidings.api.Medium;
import io.tidings.api.tag.EntityDescriptor;
import io.tidings.api.tag.FieldDescriptor;
import io.tidings.api.tag.FieldType;
import io.tidings.api.template.Template;
import io.tidings.api.template.TemplateContent;

public class TemplateEditorTest {

    @Test
    public void theEditorCarriesTheTagCatalogueTheCheckAddressAndTheScript() {
        Services services = new Services();
        TemplateStore store = new TemplateStore();
        store.all.add(new Template("ops-sms", "Ready", Medium.SMS, "da", Map.of("da", new TemplateContent(null, null,
                "Hej #contact_information.name")), 2));
        services.templates = store;
        services.tags = new io.tidings.api.tag.TagDirectory() {
            public List<EntityDescriptor> entities() {
                return List.of(new EntityDescriptor("contact_information", "The customer {}", List.of(
                        new FieldDescriptor("name", FieldType.TEXT, "Full name")), Map.of()));
            }

            public long version() {
                return 1;
            }
        };
        String page = new TemplatePages(services).edit(Services.view(true, "key", "ops-sms")).toString();
        assertTrue(page, page.contains("data-medium='SMS' data-check='/system/console/tidings/template/check'"));
        assertTrue(page, page.contains("<script type='application/json' id='tidings-tags'>{\"contact_information\":"
                + "{\"description\":"));
        assertTrue(page, page.contains("\"fields\":{\"name\":[\"TEXT\",\"Full name\"]}"));
        assertTrue(page, page.contains("<script src='/system/console/tidings/res/editor.js'></script>"));
    }
}
