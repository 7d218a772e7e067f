package io.tidings.template.velocity.crmcom;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.Test;

import io.tidings.api.Medium;
import io.tidings.api.ValidationException;
import io.tidings.api.tag.EntityDescriptor;
import io.tidings.api.tag.TagProvider;
import io.tidings.api.template.RenderedMessage;
import io.tidings.api.template.SmsInfo;
import io.tidings.api.template.Template;
import io.tidings.api.template.TemplateContent;
import io.tidings.api.template.TemplateProblem;
import io.tidings.tags.billing.PaymentTags;
import io.tidings.template.velocity.VelocityTemplateEngine;

/** The directory of installed tags, and templates turning invalid when their tags go away. */
public class TagDirectoryAndValidityTest {

    private final VelocityTemplateEngine engine = CrmComSample.engine();

    private static Template paymentSms() {
        return new Template("payment-sms", "Payment", Medium.SMS, "en", Map.of("en", new TemplateContent(null, null,
                "Dear #contact_information.name, payment #payment.number of #payment.amount received.\n"
                        + "Balance: #payment.accounts_receivable.balance")), 1);
    }

    @Test
    public void listsEveryEntityWithFieldsAndRelations() {
        List<EntityDescriptor> entities = engine.entities();
        assertEquals(16, entities.size());
        EntityDescriptor payment = entities.stream().filter(e -> e.entity().equals("payment")).findFirst().orElseThrow();
        assertEquals("Payment received on an accounts receivable", payment.description());
        assertEquals(Map.of("accounts_receivable", "accounts_receivable"), payment.relations());
        assertTrue(payment.fields().stream().anyMatch(f -> f.name().equals("amount")));
    }

    @Test
    public void removingAProviderMakesItsTagsProblemsWithTheirPositions() {
        TagProvider payments = CrmComSample.providers().stream().filter(p -> p instanceof PaymentTags).findFirst()
                .orElseThrow();
        VelocityTemplateEngine own = new VelocityTemplateEngine();
        CrmComSample.providers().stream().filter(p -> !(p instanceof PaymentTags)).forEach(own::addTagProvider);
        own.addTagProvider(payments);
        assertEquals(List.of(), own.problems(paymentSms()));
        long before = own.tagsVersion();
        own.removeTagProvider(payments);
        assertNotEquals(before, own.tagsVersion());
        List<TemplateProblem> problems = own.problems(paymentSms());
        assertEquals(3, problems.size());
        TemplateProblem first = problems.get(0);
        assertEquals("contents.en.text", first.field());
        assertEquals(1, first.line());
        assertEquals(41, first.column());
        assertEquals("unknown tag #payment.number: no installed tag provider describes the entity 'payment'",
                first.message());
        assertEquals(2, problems.get(2).line());
        assertEquals(10, problems.get(2).column());

        // sending it now would show blanks where the payment was: the rendering fails by name instead
        ValidationException refused = assertThrows(ValidationException.class,
                () -> own.render(paymentSms(), "en", CrmComSample.data()));
        assertEquals("contents.en.text", refused.field());
        assertEquals(1, refused.line());
        assertEquals(41, refused.column());
        assertTrue(refused.getMessage(), refused.reason().startsWith("unknown tag #payment.number"));
        own.addTagProvider(payments);
        assertTrue(own.render(paymentSms(), "en", CrmComSample.data()).text().contains("PAY-9001"));
    }

    @Test
    public void anSmsRenderingSaysItsEncodingLengthAndParts() {
        RenderedMessage m = engine.render(paymentSms(), "en", CrmComSample.data());
        assertEquals("Dear Andreas Georgiou, payment PAY-9001 of 50.00 received.\nBalance: -45.50", m.text());
        assertEquals(new SmsInfo("GSM-7", m.text().length(), 1), m.sms());
        Template email = new Template("e", "E", Medium.EMAIL, "en",
                Map.of("en", new TemplateContent("S", null, "T")), 1);
        assertNull(engine.render(email, "en", Map.of()).sms());
    }

    @Test
    public void unrestrictedValuesComeFromTheEventsUnrestrictedData() {
        Template t = new Template("note", "Note", Medium.SMS, "en", Map.of("en", new TemplateContent(null, null,
                "Dear #contact_information.name, #unrestricted.note")), 1);
        engine.validate(t);
        Map<String, Object> data = new java.util.HashMap<>(CrmComSample.data());
        data.put("unrestricted", Map.of("note", "the technician arrives at 10:00."));
        assertEquals("Dear Andreas Georgiou, the technician arrives at 10:00.", engine.render(t, "en", data).text());
    }
}
