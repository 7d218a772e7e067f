package io.tidings.links.page;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.tidings.api.link.LinkAction;
import io.tidings.api.link.LinkOutcome;

/**
 * The words of the pages that answer dynamic links, in the languages of the reference manuals:
 * the message's language when the link is readable, else the browser's, else English.
 */
final class LinkPages {

    static final List<String> LANGUAGES = List.of("en", "uk", "da", "fr");

    /** {title, text} per language for each verdict; the DONE text depends on the action. */
    private static final Map<String, Map<String, String[]>> VERDICTS = Map.of(
            "en", Map.of(
                    "PREVIEW", new String[] {"Preview", "This link comes from a template preview: nothing was recorded."},
                    "EXPIRED", new String[] {"Link expired", "This link has expired. Please use the link of a more recent message, or contact us."},
                    "INVALID", new String[] {"Link not valid", "This link is not valid. Please use the link exactly as it appears in our message."},
                    "UNAVAILABLE", new String[] {"Please try again", "This service is being updated. Please follow the link again in a moment."}),
            "uk", Map.of(
                    "PREVIEW", new String[] {"Попередній перегляд", "Це посилання з попереднього перегляду шаблону: нічого не збережено."},
                    "EXPIRED", new String[] {"Термін дії посилання минув", "Термін дії цього посилання минув. Скористайтеся посиланням із новішого повідомлення або зв’яжіться з нами."},
                    "INVALID", new String[] {"Недійсне посилання", "Це посилання недійсне. Скористайтеся посиланням саме в тому вигляді, як воно є в нашому повідомленні."},
                    "UNAVAILABLE", new String[] {"Спробуйте ще раз", "Сервіс оновлюється. Перейдіть за посиланням ще раз за хвилину."}),
            "da", Map.of(
                    "PREVIEW", new String[] {"Forhåndsvisning", "Dette link stammer fra en forhåndsvisning af en skabelon: intet er registreret."},
                    "EXPIRED", new String[] {"Linket er udløbet", "Dette link er udløbet. Brug linket i en nyere besked, eller kontakt os."},
                    "INVALID", new String[] {"Ugyldigt link", "Dette link er ugyldigt. Brug linket præcis som det står i vores besked."},
                    "UNAVAILABLE", new String[] {"Prøv igen", "Tjenesten bliver opdateret. Følg linket igen om et øjeblik."}),
            "fr", Map.of(
                    "PREVIEW", new String[] {"Aperçu", "Ce lien provient de l’aperçu d’un modèle : rien n’a été enregistré."},
                    "EXPIRED", new String[] {"Lien expiré", "Ce lien a expiré. Utilisez le lien d’un message plus récent ou contactez-nous."},
                    "INVALID", new String[] {"Lien non valide", "Ce lien n’est pas valide. Utilisez le lien tel qu’il figure dans notre message."},
                    "UNAVAILABLE", new String[] {"Veuillez réessayer", "Le service est en cours de mise à jour. Suivez à nouveau le lien dans un instant."}));

    private static final Map<String, Map<LinkAction, String>> DONE = Map.of(
            "en", Map.of(
                    LinkAction.OPT_IN_DIRECT_MARKETING, "Thank you: you are now subscribed to our offers.",
                    LinkAction.OPT_OUT_DIRECT_MARKETING, "You are unsubscribed: you will receive no more offers from us.",
                    LinkAction.OPT_IN_AFFILIATE_MARKETING, "Thank you: you are now subscribed to offers from our partners.",
                    LinkAction.OPT_OUT_AFFILIATE_MARKETING, "You are unsubscribed: you will receive no more offers from our partners.",
                    LinkAction.SERVICE_REQUEST_RESPONSE_ACCEPTANCE, "Thank you: your acceptance of our response is recorded."),
            "uk", Map.of(
                    LinkAction.OPT_IN_DIRECT_MARKETING, "Дякуємо: ви підписалися на наші пропозиції.",
                    LinkAction.OPT_OUT_DIRECT_MARKETING, "Ви відписалися: ви більше не отримуватимете від нас пропозицій.",
                    LinkAction.OPT_IN_AFFILIATE_MARKETING, "Дякуємо: ви підписалися на пропозиції наших партнерів.",
                    LinkAction.OPT_OUT_AFFILIATE_MARKETING, "Ви відписалися: ви більше не отримуватимете пропозицій наших партнерів.",
                    LinkAction.SERVICE_REQUEST_RESPONSE_ACCEPTANCE, "Дякуємо: вашу згоду з нашою відповіддю збережено."),
            "da", Map.of(
                    LinkAction.OPT_IN_DIRECT_MARKETING, "Tak: du er nu tilmeldt vores tilbud.",
                    LinkAction.OPT_OUT_DIRECT_MARKETING, "Du er afmeldt: du modtager ikke flere tilbud fra os.",
                    LinkAction.OPT_IN_AFFILIATE_MARKETING, "Tak: du er nu tilmeldt tilbud fra vores partnere.",
                    LinkAction.OPT_OUT_AFFILIATE_MARKETING, "Du er afmeldt: du modtager ikke flere tilbud fra vores partnere.",
                    LinkAction.SERVICE_REQUEST_RESPONSE_ACCEPTANCE, "Tak: din accept af vores svar er registreret."),
            "fr", Map.of(
                    LinkAction.OPT_IN_DIRECT_MARKETING, "Merci : vous êtes maintenant inscrit à nos offres.",
                    LinkAction.OPT_OUT_DIRECT_MARKETING, "Vous êtes désinscrit : vous ne recevrez plus nos offres.",
                    LinkAction.OPT_IN_AFFILIATE_MARKETING, "Merci : vous êtes maintenant inscrit aux offres de nos partenaires.",
                    LinkAction.OPT_OUT_AFFILIATE_MARKETING, "Vous êtes désinscrit : vous ne recevrez plus les offres de nos partenaires.",
                    LinkAction.SERVICE_REQUEST_RESPONSE_ACCEPTANCE, "Merci : votre acceptation de notre réponse est enregistrée."));

    /** {title, text, button} asking the recipient to confirm what the link does. */
    private static final Map<String, Map<LinkAction, String[]>> CONFIRM = Map.of(
            "en", Map.of(
                    LinkAction.OPT_IN_DIRECT_MARKETING, new String[] {"Subscribe to our offers", "Please confirm that you want to receive our offers.", "Subscribe"},
                    LinkAction.OPT_OUT_DIRECT_MARKETING, new String[] {"Unsubscribe from our offers", "Please confirm that you no longer want to receive our offers.", "Unsubscribe"},
                    LinkAction.OPT_IN_AFFILIATE_MARKETING, new String[] {"Offers from our partners", "Please confirm that you want to receive offers from our partners.", "Subscribe"},
                    LinkAction.OPT_OUT_AFFILIATE_MARKETING, new String[] {"Offers from our partners", "Please confirm that you no longer want to receive offers from our partners.", "Unsubscribe"},
                    LinkAction.SERVICE_REQUEST_RESPONSE_ACCEPTANCE, new String[] {"Accept our response", "Please confirm that you accept our response to your request.", "Accept"}),
            "uk", Map.of(
                    LinkAction.OPT_IN_DIRECT_MARKETING, new String[] {"Підписка на наші пропозиції", "Підтвердіть, що бажаєте отримувати наші пропозиції.", "Підписатися"},
                    LinkAction.OPT_OUT_DIRECT_MARKETING, new String[] {"Відписка від наших пропозицій", "Підтвердіть, що більше не бажаєте отримувати наші пропозиції.", "Відписатися"},
                    LinkAction.OPT_IN_AFFILIATE_MARKETING, new String[] {"Пропозиції наших партнерів", "Підтвердіть, що бажаєте отримувати пропозиції наших партнерів.", "Підписатися"},
                    LinkAction.OPT_OUT_AFFILIATE_MARKETING, new String[] {"Пропозиції наших партнерів", "Підтвердіть, що більше не бажаєте отримувати пропозиції наших партнерів.", "Відписатися"},
                    LinkAction.SERVICE_REQUEST_RESPONSE_ACCEPTANCE, new String[] {"Прийняття нашої відповіді", "Підтвердіть, що ви приймаєте нашу відповідь на ваш запит.", "Прийняти"}),
            "da", Map.of(
                    LinkAction.OPT_IN_DIRECT_MARKETING, new String[] {"Tilmeld dig vores tilbud", "Bekræft venligst, at du vil modtage vores tilbud.", "Tilmeld"},
                    LinkAction.OPT_OUT_DIRECT_MARKETING, new String[] {"Afmeld vores tilbud", "Bekræft venligst, at du ikke længere vil modtage vores tilbud.", "Afmeld"},
                    LinkAction.OPT_IN_AFFILIATE_MARKETING, new String[] {"Tilbud fra vores partnere", "Bekræft venligst, at du vil modtage tilbud fra vores partnere.", "Tilmeld"},
                    LinkAction.OPT_OUT_AFFILIATE_MARKETING, new String[] {"Tilbud fra vores partnere", "Bekræft venligst, at du ikke længere vil modtage tilbud fra vores partnere.", "Afmeld"},
                    LinkAction.SERVICE_REQUEST_RESPONSE_ACCEPTANCE, new String[] {"Accepter vores svar", "Bekræft venligst, at du accepterer vores svar på din henvendelse.", "Accepter"}),
            "fr", Map.of(
                    LinkAction.OPT_IN_DIRECT_MARKETING, new String[] {"Inscription à nos offres", "Veuillez confirmer que vous souhaitez recevoir nos offres.", "S’inscrire"},
                    LinkAction.OPT_OUT_DIRECT_MARKETING, new String[] {"Désinscription de nos offres", "Veuillez confirmer que vous ne souhaitez plus recevoir nos offres.", "Se désinscrire"},
                    LinkAction.OPT_IN_AFFILIATE_MARKETING, new String[] {"Offres de nos partenaires", "Veuillez confirmer que vous souhaitez recevoir les offres de nos partenaires.", "S’inscrire"},
                    LinkAction.OPT_OUT_AFFILIATE_MARKETING, new String[] {"Offres de nos partenaires", "Veuillez confirmer que vous ne souhaitez plus recevoir les offres de nos partenaires.", "Se désinscrire"},
                    LinkAction.SERVICE_REQUEST_RESPONSE_ACCEPTANCE, new String[] {"Accepter notre réponse", "Veuillez confirmer que vous acceptez notre réponse à votre demande.", "Accepter"}));

    private static final Map<String, String> DONE_TITLE = Map.of("en", "Done", "uk", "Готово", "da", "Udført",
            "fr", "C’est fait");

    private LinkPages() {
    }

    /** The page's language: the message's when known and supported, else the first supported one the browser accepts. */
    static String language(String messageLanguage, String acceptLanguage) {
        String own = base(messageLanguage);
        if (LANGUAGES.contains(own)) {
            return own;
        }
        if (acceptLanguage != null && !acceptLanguage.isBlank()) {
            try {
                for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
                    String wanted = base(range.getRange());
                    if (LANGUAGES.contains(wanted)) {
                        return wanted;
                    }
                }
            } catch (IllegalArgumentException e) {
                // a malformed header: English
            }
        }
        return "en";
    }

    /**
     * {title, text} for the outcome, and a button's label for {@link LinkOutcome.Result#CONFIRM};
     * {@code result} null when the service is unavailable.
     */
    static String[] words(LinkOutcome.Result result, LinkAction action, String language) {
        if (result == LinkOutcome.Result.DONE && action != null) {
            return new String[] {DONE_TITLE.get(language), DONE.get(language).get(action)};
        }
        if (result == LinkOutcome.Result.CONFIRM && action != null) {
            return CONFIRM.get(language).get(action).clone();
        }
        String verdict = result == null ? "UNAVAILABLE"
                : result == LinkOutcome.Result.DONE || result == LinkOutcome.Result.CONFIRM ? "INVALID" : result.name();
        Map<String, String[]> words = VERDICTS.get(language);
        // tracking verdicts answer with an image or a redirect, never a page
        return words.getOrDefault(verdict, words.get("INVALID"));
    }

    private static String base(String tag) {
        if (tag == null) {
            return "";
        }
        String lower = tag.trim().toLowerCase(Locale.ROOT);
        int cut = lower.indexOf('-') >= 0 ? lower.indexOf('-') : lower.indexOf('_');
        return cut > 0 ? lower.substring(0, cut) : lower;
    }
}
