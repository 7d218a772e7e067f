package io.tidings.core.inbound;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Tidings incoming messages",
        description = "Keywords in the SMS replies contacts send: the first word of a reply, in any case, is "
                + "compared with these lists")
public @interface InboundConfiguration {

    @AttributeDefinition(name = "Stop keywords", description = "Opt the sender out of marketing (direct and "
            + "affiliate); transactional messages still go")
    String[] stopKeywords() default {"STOP", "STOPALL", "UNSUBSCRIBE", "СТОП", "ВІДПИСАТИСЯ", "ARRÊT", "ARRET",
            "AFMELD", "STOPP"};

    @AttributeDefinition(name = "Start keywords", description = "Opt the sender back in to marketing")
    String[] startKeywords() default {"START", "UNSTOP", "СТАРТ", "DÉBUT", "TILMELD"};

    @AttributeDefinition(name = "Help keywords", description = "Answered automatically with the help answer of "
            + "the keyword's language: language:KEYWORD, e.g. en:HELP, uk:ДОПОМОГА")
    String[] helpKeywords() default {"en:HELP", "en:INFO", "uk:ДОПОМОГА", "fr:AIDE", "da:HJÆLP"};

    @AttributeDefinition(name = "Help answers", description = "The automatic answer per language: language:text; "
            + "the first is used for a language without one")
    String[] helpAnswers() default {
        "en:Reply STOP to stop offers, START to get them again. Order messages still come.",
        "uk:Надішліть СТОП, щоб не отримувати пропозицій, СТАРТ, щоб отримувати знову.",
        "fr:Répondez ARRÊT pour ne plus recevoir d'offres, DÉBUT pour les recevoir à nouveau.",
        "da:Svar AFMELD for ikke at få tilbud, TILMELD for at få dem igen."};

    @AttributeDefinition(name = "Custom keywords", description = "Raise the event sms.reply_received (data: "
            + "keyword, text, from, channel, contact_information) for rules to answer, e.g. BOOK, CALLBACK")
    String[] customKeywords() default {};
}
