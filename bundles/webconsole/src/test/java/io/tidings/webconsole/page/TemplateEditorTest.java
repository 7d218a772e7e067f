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
        assertTrue(page, page.contains("<script type='module' src='/system/console/tidings/res/editor.js'></script>"));
        // the import map names CodeMirror's modules, served by the plugin from the bundle
        assertTrue(page, page.contains("<script type='importmap'>{\"imports\":{\"@codemirror/autocomplete\":"
                + "\"/system/console/tidings/res/lib/codemirror__autocomplete/dist/index.js\""));
        // no event used the template yet: the sample is made from the catalogue for the tags it uses, as JSON
        assertTrue(page, page.contains("&quot;contact_information&quot; : {"));
        assertTrue(page, page.contains("&quot;name&quot; : &quot;Sample name&quot;"));
        assertTrue(page, page.contains("made-up values for the tags this template uses"));
    }
}
