package io.tidings.demo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tidings.api.Medium;
import io.tidings.api.Purpose;
import io.tidings.api.rule.NotificationRule;
import io.tidings.api.rule.RuleService;
import io.tidings.api.template.Template;
import io.tidings.api.template.TemplateContent;
import io.tidings.api.template.TemplateService;

/**
 * Seeds the demo: the "order is ready" notification of a repair shop, by email and SMS, in
 * English, Ukrainian, Danish and French. Only what is missing is created, so an administrator's
 * edits survive restarts.
 */
@Component(immediate = true)
public class DemoSetup {

    private static final Logger LOG = LoggerFactory.getLogger(DemoSetup.class);

    static final String EMAIL_TEMPLATE = "order-ready-email";
    static final String SMS_TEMPLATE = "order-ready-sms";
    static final String RULE = "order-ready";

    @Reference
    private TemplateService templates;

    @Reference
    private RuleService rules;

    @Activate
    void activate() {
        if (templates.template(EMAIL_TEMPLATE).isEmpty()) {
            templates.save(emailTemplate());
            LOG.info("Demo template {} created", EMAIL_TEMPLATE);
        }
        if (templates.template(SMS_TEMPLATE).isEmpty()) {
            templates.save(smsTemplate());
            LOG.info("Demo template {} created", SMS_TEMPLATE);
        }
        if (rules.rule(RULE).isEmpty()) {
            rules.save(new NotificationRule(RULE, "Order is ready for pickup", "order.status_changed", "ready",
                    List.of(), null, List.of(EMAIL_TEMPLATE, SMS_TEMPLATE), List.of("contact_information"),
                    Purpose.TRANSACTIONAL, null, true));
            LOG.info("Demo rule {} created", RULE);
        }
    }

    static Template emailTemplate() {
        Map<String, TemplateContent> contents = new LinkedHashMap<>();
        contents.put("en", email("Your order #order.number is ready",
                "Dear #contact_information.name,",
                "your order #order.number is ready for pickup at #location.name.",
                "Amount due: #order.total.",
                "Thank you for choosing us!"));
        contents.put("uk", email("Ваше замовлення #order.number готове",
                "Шановний(а) #contact_information.name,",
                "ваше замовлення #order.number готове, забрати його можна в #location.name.",
                "До сплати: #order.total.",
                "Дякуємо, що обрали нас!"));
        contents.put("da", email("Din ordre #order.number er klar",
                "Kære #contact_information.name,",
                "din ordre #order.number er klar til afhentning hos #location.name.",
                "Beløb til betaling: #order.total.",
                "Tak fordi du valgte os – vi glæder os til at se dig!"));
        contents.put("fr", email("Votre commande #order.number est prête",
                "Bonjour #contact_information.name,",
                "votre commande #order.number est prête ; vous pouvez la récupérer à #location.name.",
                "Montant à régler : #order.total.",
                "Merci de votre confiance, à très bientôt !"));
        return new Template(EMAIL_TEMPLATE, "Order ready (email)", Medium.EMAIL, "en", contents, 0);
    }

    static Template smsTemplate() {
        Map<String, TemplateContent> contents = new LinkedHashMap<>();
        contents.put("en", sms("Your order #order.number is ready for pickup at #location.name."));
        contents.put("uk", sms("Ваше замовлення #order.number готове. Чекаємо на вас у #location.name."));
        contents.put("da", sms("Din ordre #order.number er klar til afhentning hos #location.name."));
        contents.put("fr", sms("Votre commande #order.number est prête à être récupérée à #location.name."));
        return new Template(SMS_TEMPLATE, "Order ready (SMS)", Medium.SMS, "en", contents, 0);
    }

    private static TemplateContent email(String subject, String greeting, String line, String amount, String thanks) {
        String html = "<p>" + greeting + "</p>\n<p>" + line + "</p>\n"
                + "<p>" + amount + "</p>\n<p>" + thanks + "</p>\n";
        return new TemplateContent(subject, html, null);
    }

    private static TemplateContent sms(String text) {
        return new TemplateContent(null, null, text);
    }
}
