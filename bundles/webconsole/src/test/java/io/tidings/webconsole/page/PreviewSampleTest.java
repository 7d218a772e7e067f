package io.tidings.webconsole.page;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.Test;

import io.tidings.api.BusinessEvent;
import io.tidings.api.Communication;
import io.tidings.api.CommunicationStatus;
import io.tidings.api.EntityRef;
import io.tidings.api.Medium;
import io.tidings.api.NotificationService;
import io.tidings.api.tag.EntityDescriptor;
import io.tidings.api.tag.FieldDescriptor;
import io.tidings.api.tag.FieldType;
import io.tidings.api.template.Template;
import io.tidings.api.template.TemplateContent;

public class PreviewSampleTest {

    private static final List<EntityDescriptor> CATALOGUE = List.of(
            new EntityDescriptor("contact_information", "The customer", List.of(
                    new FieldDescriptor("name", FieldType.TEXT, "Full name")), Map.of()),
            new EntityDescriptor("order", "An order", List.of(new FieldDescriptor("number", FieldType.NUMBER, "No."),
                    new FieldDescriptor("total", FieldType.MONEY, "Total")), Map.of("location", "location")),
            new EntityDescriptor("location", "A shop", List.of(new FieldDescriptor("name", FieldType.TEXT, "Name")),
                    Map.of()));

    private static final Template TEMPLATE = new Template("order-ready", "Ready", Medium.EMAIL, "uk", Map.of("uk",
            new TemplateContent("Замовлення #order.number", "<p>#contact_information.name, $order.total у "
                    + "#order.location.name #unknown.field</p>", null)), 2);

    private static Communication message(String id, String event, String template) {
        Instant at = Instant.parse("2026-12-01T10:00:00Z");
        return new Communication(id, event, new EntityRef("order", "1001"), "ready-rule", template, 1, Medium.EMAIL,
                "devbox", "olena@example.com.ua", "uk", CommunicationStatus.SENT, null, 1, at, at, at, null, null, null);
    }

    private static Services engine(List<Communication> newestFirst, Map<String, BusinessEvent> events) {
        Services services = new Services();
        services.engine = (NotificationService) Proxy.newProxyInstance(PreviewSampleTest.class.getClassLoader(),
                new Class<?>[] {NotificationService.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "communications" -> newestFirst;
                    case "event" -> Optional.ofNullable(events.get((String) args[0]));
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        return services;
    }

    @Test
    public void theNewestEventThatUsedTheTemplateFeedsThePreview() {
        BusinessEvent used = new BusinessEvent("evt-7", "order.ready", OffsetDateTime.parse("2026-12-01T12:00:00+02:00"),
                null, new EntityRef("order", "1001"), Map.of("order", Map.of("number", 1001),
                        "contact_information", Map.of("name", "Олена Коваль")));
        Services services = engine(List.of(message("c3", "evt-9", "other-template"), message("c2", "evt-7",
                "order-ready"), message("c1", "evt-1", "order-ready")), Map.of("evt-7", used));
        PreviewSample.Sample sample = PreviewSample.of(services, TEMPLATE, CATALOGUE);
        assertEquals(used.data(), SampleData.parse(sample.json()));
        assertTrue(sample.source(), sample.source().startsWith("the data of event evt-7 (order.ready, rule ready-rule)"));
    }

    @Test
    public void withoutSuchAnEventTheCatalogueGivesAValueOfEachTagsType() {
        PreviewSample.Sample sample = PreviewSample.of(engine(List.of(message("c3", "evt-9", "other-template")),
                Map.of()), TEMPLATE, CATALOGUE);
        assertEquals(Map.of("order", Map.of("number", 1001, "total", 1250.50, "location", Map.of("name", "Sample name")),
                "contact_information", Map.of("name", "Sample name")), SampleData.parse(sample.json()));
        assertTrue(sample.source(), sample.source().startsWith("made-up values"));
        // no engine bound: the catalogue still gives the sample
        assertEquals(SampleData.parse(sample.json()), SampleData.parse(PreviewSample.of(new Services(), TEMPLATE,
                CATALOGUE).json()));
    }
}
