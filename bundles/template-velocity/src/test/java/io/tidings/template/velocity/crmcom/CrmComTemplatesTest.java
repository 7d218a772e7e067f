package io.tidings.template.velocity.crmcom;

import static org.junit.Assert.assertEquals;

import java.util.Map;

import org.junit.Test;

import io.tidings.api.Medium;
import io.tidings.api.link.LinkAction;
import io.tidings.api.template.Template;
import io.tidings.api.template.TemplateContent;
import io.tidings.template.velocity.VelocityTemplateEngine;

/**
 * Every example template of the CRM.COM Communications manual (reference 002), as written there,
 * validated against the real tag bundles and rendered from one sample customer.
 */
public class CrmComTemplatesTest {

    private final VelocityTemplateEngine engine = CrmComSample.engine();

    private String render(String text) {
        Template template = new Template("crmcom", "CRM.COM example", Medium.EMAIL, "en",
                Map.of("en", new TemplateContent("Company ZX", null, text)), 1);
        engine.validate(template);
        return engine.render(template, "en", CrmComSample.data()).text();
    }

    @Test
    public void newSubscribers() {
        assertEquals("We would like to welcome you and congratulate you for subscribing with us. Your subscription "
                + "information is the following:\n"
                + "• Subscription Number: SUB-2026-0042\n"
                + "• Subscription Type: Residential\n"
                + "• Subscribed Packages: Basic TV, Sports Pack, HD\n"
                + "• Hardware: Decoder DX-200, Smart card 0091\n"
                + "For any further information, please do not hesitate to contact us at 000-0000-0000.",
                render("We would like to welcome you and congratulate you for subscribing with us. Your subscription "
                        + "information is the following:\n"
                        + "• Subscription Number: #subscription.number\n"
                        + "• Subscription Type: #subscription.type\n"
                        + "• Subscribed Packages: #subscription.services\n"
                        + "• Hardware: #subscription.installed_items\n"
                        + "For any further information, please do not hesitate to contact us at 000-0000-0000."));
    }

    @Test
    public void communicateSubscriptions() {
        assertEquals("We would like to welcome you to our company.\n"
                + "Your subscription SUB-2026-0042 is now activated for the following services:\n"
                + "Basic TV, Sports Pack, HD\n"
                + "The following installed items are used:\n"
                + "Decoder DX-200, Smart card 0091\n"
                + "Your subscription SUB-2026-0042 will be paid by account AR-000123.\n"
                + "Your current account balance is -45.50",
                render("We would like to welcome you to our company.\n"
                        + "Your subscription #subscription.number is now activated for the following services:\n"
                        + "#subscription.services\n"
                        + "The following installed items are used:\n"
                        + "#subscription.installed_items\n"
                        + "Your subscription #subscription.number will be paid by account #accounts_receivable.number.\n"
                        + "Your current account balance is #accounts_receivable.balance"));
    }

    @Test
    public void communicateJobs() {
        assertEquals("We would like to inform you that your Job related to Installation, with number J-5512, has been "
                + "successfully completed.",
                render("We would like to inform you that your Job related to #job.type, with number #job.number, has "
                        + "been successfully completed."));
    }

    @Test
    public void communicateActivities() {
        assertEquals("We would like to inform you that your activity related to Technician visit, with number ACT-318, "
                + "has been successfully completed.",
                render("We would like to inform you that your activity related to #activity.type, with number "
                        + "#activity.number, has been successfully completed."));
    }

    @Test
    public void communicateAccountsReceivable() {
        assertEquals("We would like to inform you that your Account, AR-000123, has 120.00 Euros.",
                render("We would like to inform you that your Account, #accounts_receivable.number, has "
                        + "#accounts_receivable.outstanding_amount Euros."));
    }

    @Test
    public void communicateBills() {
        assertEquals("We would like to inform you that your September bill with Bill No: B-2026-09-0815 needs to be "
                + "settled by Oct 15, 2026",
                render("We would like to inform you that your September bill with Bill No: #bill.number needs to be "
                        + "settled by #bill.due_date"));
    }

    @Test
    public void paymentGatewayCardTags() {
        assertEquals("Dear Andreas Georgiou\n\nPlease see below your registered Card details.\n\n"
                + "Related Card Account Number: AR-000123\n\n"
                + "Related Card Holder Name: Andreas Georgiou\n\n"
                + "Related Card Last 4 digits: 4242\n\n"
                + "Related Account Receivable Balance: -45.50\n\n"
                + "Please review and contact our Call Centre for any required corrections",
                render("Dear #contact_information.name\n\nPlease see below your registered Card details.\n\n"
                        + "Related Card Account Number: #payment_gateway_card.accounts_receivable.number\n\n"
                        + "Related Card Holder Name: #payment_gateway_card.card_holder_name\n\n"
                        + "Related Card Last 4 digits: #payment_gateway_card.last_four_digits\n\n"
                        + "Related Account Receivable Balance: #payment_gateway_card.accounts_receivable.balance\n\n"
                        + "Please review and contact our Call Centre for any required corrections"));
    }

    @Test
    public void paymentGatewayRequestTags() {
        assertEquals("Dear Andreas Georgiou\n\nPlease see below the information you have requested with regards to "
                + "your Account with number: AR-000123 connected to card registered to Andreas Georgiou\n\n"
                + "The balance of your accounts receivable is -45.50 and the outstanding amount is 120.00",
                render("Dear #contact_information.name\n\nPlease see below the information you have requested with "
                        + "regards to your Account with number: #payment_gateway_request.accounts_receivable.number "
                        + "connected to card registered to "
                        + "#payment_gateway_request.payment_gateway_card.card_holder_name\n\n"
                        + "The balance of your accounts receivable is "
                        + "#payment_gateway_request.accounts_receivable.balance and the outstanding amount is "
                        + "#payment_gateway_request.accounts_receivable.outstanding_amount"));
    }

    @Test
    public void paymentTags() {
        assertEquals("Dear Andreas Georgiou\n\nWe would like to inform you that your payment, with payment number: "
                + "PAY-9001 for $50.00 has been successfully processed.\n\n"
                + "Your current balance is: -45.50 and your outstanding amount is:120.00",
                render("Dear #contact_information.name\n\nWe would like to inform you that your payment, with payment "
                        + "number: #payment.number for $#payment.amount has been successfully processed.\n\n"
                        + "Your current balance is: #payment.accounts_receivable.balance and your outstanding amount "
                        + "is:#payment.accounts_receivable.outstanding_amount"));
    }

    @Test
    public void communicateServiceRequests() {
        assertEquals("Dear Andreas Georgiou\n\nWe would like to inform you that your Service Request related to "
                + "Picture quality, with number SR-404, has been successfully resolved.",
                render("Dear #contact_information.name\n\nWe would like to inform you that your Service Request "
                        + "related to #service_request.type, with number #service_request.number, has been "
                        + "successfully #service_request.status."));
    }

    @Test
    public void rewardsParticipants() {
        assertEquals("Dear Andreas Georgiou\n\nWe would like to inform you that your Rewards Membership, with number "
                + "RP-777, has been successfully created on Mar 14, 2026 by Nicosia Mall Kiosk.\n\n"
                + "Your Rewards Membership is connected with your Account AR-000123",
                render("Dear #contact_information.name\n\nWe would like to inform you that your Rewards Membership, "
                        + "with number #rewards_participant.number, has been successfully created on "
                        + "#rewards_participant.sign_up_on by #rewards_participant.sign_up_by_unit.\n\n"
                        + "Your Rewards Membership is connected with your Account "
                        + "#rewards_participant.accounts_receivable.number"));
    }

    @Test
    public void communicateAwardTransactions() {
        assertEquals("Dear Andreas Georgiou\n\nWe would like to inform you that your Rewards Membership, with number "
                + "RP-777, has been successfully awarded from the offer Double points weekend on Sep 26, 2026\n\n"
                + "Your Rewards Award Transaction, with number AW-88, awards your account with 12.50",
                render("Dear #contact_information.name\n\nWe would like to inform you that your Rewards Membership, "
                        + "with number #award_reward_transaction.rewards_participant.number, has been successfully "
                        + "awarded from the offer #award_reward_transaction.offer on #award_reward_transaction.date\n\n"
                        + "Your Rewards Award Transaction, with number #award_reward_transaction.number, awards your "
                        + "account with #award_reward_transaction.amount"));
    }

    @Test
    public void communicateSpendTransactions() {
        assertEquals("Dear Andreas Georgiou\n\nWe would like to inform you that you have successfully used 8.00 Euros "
                + "from your Rewards Membership, with number RP-777 .\n\n"
                + "Your rewards were spent following the spend request with number, SP-91, on Sep 28, 2026 from "
                + "Larnaca Store",
                render("Dear #contact_information.name\n\nWe would like to inform you that you have successfully used "
                        + "#spend_reward_transaction.total_amount Euros from your Rewards Membership, with number "
                        + "#spend_reward_transaction.rewards_participant.number .\n\n"
                        + "Your rewards were spent following the spend request with number, "
                        + "#spend_reward_transaction.number, on #spend_reward_transaction.date from "
                        + "#spend_reward_transaction.unit"));
    }

    @Test
    public void notificationUnsettledSubscriptions() {
        assertEquals("NOT-3003\n\nWe would like to remind you that the outstanding amount of your account AR-000123 is "
                + "120.00, which is related to the following subscriptions\n"
                + "SUB-2026-0042: €80.00\nSUB-2026-0043: €40.00",
                render("#notification.number\n\nWe would like to remind you that the outstanding amount of your account "
                        + "#notification.accounts_receivable.number is #notification.total_notified_amount, which is "
                        + "related to the following subscriptions\n#notification.subscriptions_notified_amount"));
    }

    @Test
    public void notificationUnsettledAccountsReceivable() {
        assertEquals("NOT-3003\n\nWe would like to remind you that the outstanding amount of your account AR-000123 is "
                + "120.00, which is related to the following bill\nB-2026-09-0815: €120.00",
                render("#notification.number\n\nWe would like to remind you that the outstanding amount of your account "
                        + "#notification.accounts_receivable.number is #notification.total_notified_amount, which is "
                        + "related to the following bill\n#notification.bills_notified_amount"));
    }

    @Test
    public void notificationWalletWithLowCredit() {
        assertEquals("NOT-3003\n\nWe would like to remind you that the remaining amount in your wallets is the "
                + "following:\nMain wallet: €3.20\n\nThis amount is estimated to be consumed by:\nOct 3, 2026",
                render("#notification.number\n\nWe would like to remind you that the remaining amount in your wallets "
                        + "is the following:\n#notification.wallets_available_amount\n\nThis amount is estimated to be "
                        + "consumed by:\n#notification.wallets_estimated_consumption_date"));
    }

    @Test
    public void notificationWalletProductConsumptionNearEstimatedDate() {
        assertEquals("NOT-3003\n\nWe would like to remind you that the remaining amount for your prepaid services is "
                + "the following:\nPrepaid Sports Pack: €1.75\n\nThis amount is estimated to be consumed by:\nOct 3, 2026",
                render("#notification.number\n\nWe would like to remind you that the remaining amount for your prepaid "
                        + "services is the following:\n#notification.wallets_product_available_amount\n\nThis amount is "
                        + "estimated to be consumed by:\n#notification.wallets_estimated_consumption_date"));
    }

    @Test
    public void notificationNewSubscribersCompletedJobsAndActivities() {
        assertEquals("NOT-3003\n\nWe would like to welcome you and congratulate you for subscribing with us. Your "
                + "subscription information is the following:\nResidential",
                render("#notification.number\n\nWe would like to welcome you and congratulate you for subscribing with "
                        + "us. Your subscription information is the following:\n#notification.subscriptions_type"));
        assertEquals("NOT-3003\n\nWe would like to inform you that the following jobs have been completed "
                + "successfully:\nInstallation, Relocation",
                render("#notification.number\n\nWe would like to inform you that the following jobs have been "
                        + "completed successfully:\n#notification.jobs_type"));
        assertEquals("NOT-3003\n\nWe would like to inform you that the following activities have been successfully "
                + "completed:\nTechnician visit",
                render("#notification.number\n\nWe would like to inform you that the following activities have been "
                        + "successfully completed:\n#notification.activities_type"));
    }

    @Test
    public void subscribeInAndOffMailingListsWithDynamicLinks() {
        assertEquals("If you would like to be included in our direct marketing list, please click on the following link:\n"
                + CrmComSample.link(LinkAction.OPT_IN_DIRECT_MARKETING) + "\n"
                + "If you would like to be included in our affiliate marketing list, please click on the following link:\n"
                + CrmComSample.link(LinkAction.OPT_IN_AFFILIATE_MARKETING),
                render("If you would like to be included in our direct marketing list, please click on the following link:\n"
                        + "#dynamic_link.opt_in_direct_marketing\n"
                        + "If you would like to be included in our affiliate marketing list, please click on the following link:\n"
                        + "#dynamic_link.opt_in_affiliate_marketing"));
        assertEquals("Dear Andreas Georgiou\nIf you would like to unsubscribe from our Mailing Lists, please click on the "
                + "respective link below:\n" + CrmComSample.link(LinkAction.OPT_OUT_DIRECT_MARKETING) + "\n"
                + CrmComSample.link(LinkAction.OPT_OUT_AFFILIATE_MARKETING),
                render("Dear #notification.contact_information.name\nIf you would like to unsubscribe from our Mailing "
                        + "Lists, please click on the respective link below:\n#dynamic_link.opt_out_direct_marketing\n"
                        + "#dynamic_link.opt_out_affiliate_marketing"));
    }

    @Test
    public void communicateServiceRequestsToAcceptTheResponse() {
        assertEquals("Your Service Request related to Picture quality, with number SR-404, has been successfully "
                + "processed.\nResponse: Signal amplifier replaced\nProcessed By: Eleni Christou\n"
                + "Click on the following link if you Accept the response: "
                + CrmComSample.link(LinkAction.SERVICE_REQUEST_RESPONSE_ACCEPTANCE),
                render("Your Service Request related to #service_request.type, with number #service_request.number, has "
                        + "been successfully processed.\nResponse: #service_request.response_description\n"
                        + "Processed By: #service_request.responded_by\n"
                        + "Click on the following link if you Accept the response: "
                        + "#dynamic_link.service_request_response_acceptance"));
    }

    @Test
    public void anUnknownDynamicLinkIsRejectedWithItsPosition() {
        Template template = new Template("crmcom", "CRM.COM example", Medium.EMAIL, "en",
                Map.of("en", new TemplateContent("Company ZX", null, "Unsubscribe:\n  #dynamic_link.opt_out_everything")), 1);
        try {
            engine.validate(template);
            throw new AssertionError("accepted an unknown link");
        } catch (io.tidings.api.ValidationException e) {
            assertEquals("contents.en.text", e.field());
            assertEquals(2, e.line());
            assertEquals(3, e.column());
            org.junit.Assert.assertTrue(e.getMessage(), e.getMessage().contains("opt_out_everything"));
        }
    }
}
