package io.tidings.template.velocity.crmcom;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.tidings.api.tag.TagProvider;
import io.tidings.tags.billing.AccountsReceivableTags;
import io.tidings.tags.billing.BillTags;
import io.tidings.tags.billing.PaymentGatewayCardTags;
import io.tidings.tags.billing.PaymentGatewayRequestTags;
import io.tidings.tags.billing.PaymentTags;
import io.tidings.tags.crm.ActivityTags;
import io.tidings.tags.crm.ContactInformationTags;
import io.tidings.tags.crm.JobTags;
import io.tidings.tags.crm.LeadTags;
import io.tidings.tags.crm.ServiceRequestTags;
import io.tidings.tags.crm.SubscriptionTags;
import io.tidings.tags.rewards.AwardRewardTransactionTags;
import io.tidings.tags.rewards.NotificationTags;
import io.tidings.tags.rewards.RewardsParticipantTags;
import io.tidings.tags.rewards.SpendRewardTransactionTags;
import io.tidings.template.velocity.VelocityTemplateEngine;

/**
 * A customer of Company ZX / AluxSat as the CRM.COM manual's examples need: one event snapshot
 * holding every entity its templates name. Related entities are nested where the host would send
 * them nested (a payment's account) and at top level where the template names them directly.
 */
public final class CrmComSample {

    private CrmComSample() {
    }

    public static List<TagProvider> providers() {
        return List.of(new ContactInformationTags(), new SubscriptionTags(), new JobTags(), new ActivityTags(),
                new ServiceRequestTags(), new LeadTags(), new AccountsReceivableTags(), new BillTags(),
                new PaymentTags(), new PaymentGatewayCardTags(), new PaymentGatewayRequestTags(),
                new RewardsParticipantTags(), new AwardRewardTransactionTags(), new SpendRewardTransactionTags(),
                new NotificationTags(), new io.tidings.links.DynamicLinkTags());
    }

    /** The signed link the engine makes for an action of message {@code c-1}. */
    public static String link(io.tidings.api.link.LinkAction action) {
        return "https://notify.example.com/tidings/links/" + new io.tidings.links.token.LinkToken(action, "c-1",
                java.time.Instant.parse("2027-01-01T00:00:00Z")).sign("sample-key-of-thirty-two-characters!".getBytes(
                        java.nio.charset.StandardCharsets.UTF_8));
    }

    public static VelocityTemplateEngine engine() {
        VelocityTemplateEngine engine = new VelocityTemplateEngine();
        providers().forEach(engine::addTagProvider);
        return engine;
    }

    public static Map<String, Object> contact(String name, String language) {
        Map<String, Object> contact = new LinkedHashMap<>();
        contact.put("id", "C-1001");
        contact.put("name", name);
        contact.put("email", "andreas@example.com");
        contact.put("preferred_language", language);
        contact.put("time_zone", "Asia/Nicosia");
        return contact;
    }

    public static Map<String, Object> data() {
        Map<String, Object> account = Map.of("number", "AR-000123", "balance", -45.5, "outstanding_amount", "120",
                "currency", "EUR");
        Map<String, Object> card = Map.of("card_holder_name", "Andreas Georgiou", "last_four_digits", "4242",
                "accounts_receivable", account);
        Map<String, Object> participant = Map.of("number", "RP-777", "sign_up_on", "2026-03-14",
                "sign_up_by_unit", "Nicosia Mall Kiosk", "accounts_receivable", account);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("contact_information", contact("Andreas Georgiou", "en"));
        data.put("accounts_receivable", account);
        data.put("subscription", Map.of("number", "SUB-2026-0042", "type", "Residential",
                "services", List.of("Basic TV", "Sports Pack", "HD"), "installed_items", List.of("Decoder DX-200", "Smart card 0091")));
        data.put("job", Map.of("number", "J-5512", "type", "Installation"));
        data.put("activity", Map.of("number", "ACT-318", "type", "Technician visit"));
        data.put("bill", Map.of("number", "B-2026-09-0815", "due_date", "2026-10-15"));
        data.put("payment", Map.of("number", "PAY-9001", "amount", 50, "accounts_receivable", account));
        data.put("payment_gateway_card", card);
        data.put("payment_gateway_request", Map.of("number", "PGR-12", "accounts_receivable", account,
                "payment_gateway_card", card));
        data.put("service_request", Map.of("number", "SR-404", "type", "Picture quality", "status", "resolved",
                "response_description", "Signal amplifier replaced", "responded_by", "Eleni Christou",
                "response_date", "2026-09-30T11:15:00Z"));
        data.put("rewards_participant", participant);
        data.put("award_reward_transaction", Map.of("number", "AW-88", "offer", "Double points weekend",
                "date", "2026-09-26", "amount", 12.5, "rewards_participant", participant));
        data.put("spend_reward_transaction", Map.of("number", "SP-91", "total_amount", 8, "date", "2026-09-28",
                "unit", "Larnaca Store", "rewards_participant", participant));
        data.put("notification", notification());
        Map<String, Object> links = new LinkedHashMap<>();
        for (io.tidings.api.link.LinkAction action : io.tidings.api.link.LinkAction.values()) {
            links.put(action.tag(), link(action));
        }
        data.put("dynamic_link", links);
        return data;
    }

    private static Map<String, Object> notification() {
        Map<String, Object> n = new LinkedHashMap<>();
        n.put("number", "NOT-3003");
        n.put("accounts_receivable", Map.of("number", "AR-000123"));
        n.put("contact_information", contact("Andreas Georgiou", "en"));
        n.put("total_notified_amount", 120);
        n.put("subscriptions_notified_amount", List.of(Map.of("name", "SUB-2026-0042", "amount", 80, "currency", "EUR"),
                Map.of("name", "SUB-2026-0043", "amount", 40, "currency", "EUR")));
        n.put("bills_notified_amount", List.of(Map.of("name", "B-2026-09-0815", "amount", 120, "currency", "EUR")));
        n.put("wallets_available_amount", List.of(Map.of("name", "Main wallet", "amount", 3.2, "currency", "EUR")));
        n.put("wallets_product_available_amount", List.of(Map.of("name", "Prepaid Sports Pack", "amount", 1.75,
                "currency", "EUR")));
        n.put("wallets_estimated_consumption_date", "2026-10-03");
        n.put("subscriptions_type", List.of("Residential"));
        n.put("jobs_type", List.of("Installation", "Relocation"));
        n.put("activities_type", List.of("Technician visit"));
        return n;
    }
}
