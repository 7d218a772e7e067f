package io.tidings.template.velocity;

import static org.junit.Assert.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.Test;

import io.tidings.api.Medium;
import io.tidings.api.template.RenderedMessage;
import io.tidings.api.template.Template;
import io.tidings.api.template.TemplateContent;

/** The tags that render empty for the data are reported with the rendered message. */
public class BlankTagsTest {

    private final VelocityTemplateEngine engine = TestTagProviders.engineWithAll();

    private static Template reminder() {
        return new Template("payment-reminder", "Reminder", Medium.EMAIL, "fr", Map.of("fr", new TemplateContent(
                "Paiement #payment.number", "<p>Cher·ère #contact_information.name, solde : "
                        + "#payment.accounts_receivable.balance €</p>",
                "Cher·ère #contact_information.name, paiement #payment.number.#if(#payment.amount) Montant "
                        + "#payment.amount.#end")), 1);
    }

    @Test
    public void missingAndBlankValuesAreListedOnceInTheOrderMet() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("contact_information", Map.of("name", "  "));
        data.put("payment", Map.of("number", "PAY-7"));
        RenderedMessage m = engine.render(reminder(), "fr", data);
        assertEquals(List.of("#contact_information.name", "#payment.accounts_receivable.balance"), m.blankTags());
        assertEquals("Cher·ère   , paiement PAY-7.", m.text());
    }

    @Test
    public void aMessageWithEveryValueHasNoBlankTag() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("contact_information", Map.of("name", "Amélie Dubois"));
        data.put("payment", Map.of("number", "PAY-7", "amount", "12.5", "accounts_receivable", Map.of("balance", 3)));
        assertEquals(List.of(), engine.render(reminder(), "fr", data).blankTags());
    }
}
