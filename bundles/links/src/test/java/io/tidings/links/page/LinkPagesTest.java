package io.tidings.links.page;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;

import org.junit.Test;

import io.tidings.api.link.LinkAction;
import io.tidings.api.link.LinkOutcome;

public class LinkPagesTest {

    @Test
    public void theMessagesLanguageWinsThenTheBrowsersThenEnglish() {
        assertEquals("uk", LinkPages.language("uk", "da"));
        assertEquals("da", LinkPages.language("da-DK", null));
        assertEquals("fr", LinkPages.language(null, "de-CH, fr-CH;q=0.9, en;q=0.5"));
        assertEquals("fr", LinkPages.language("pt", "fr"));
        assertEquals("en", LinkPages.language(null, "de"));
        assertEquals("en", LinkPages.language(null, ";;;not a header"));
    }

    @Test
    public void everyVerdictAndActionHasWordsInEveryLanguage() {
        for (String language : LinkPages.LANGUAGES) {
            for (LinkAction action : LinkAction.values()) {
                String[] words = LinkPages.words(LinkOutcome.Result.DONE, action, language);
                assertNotNull(language + " " + action, words[0]);
                assertFalse(language + " " + action, words[1].isBlank());
                String[] confirm = LinkPages.words(LinkOutcome.Result.CONFIRM, action, language);
                assertEquals(language + " " + action + ": title, text and button", 3, confirm.length);
                assertFalse(language + " " + action, confirm[2].isBlank());
            }
            for (LinkOutcome.Result result : LinkOutcome.Result.values()) {
                assertNotNull(language + " " + result, LinkPages.words(result, null, language)[1]);
            }
            assertNotNull(LinkPages.words(null, null, language)[1]);
        }
        assertEquals("Ви відписалися: ви більше не отримуватимете від нас пропозицій.",
                LinkPages.words(LinkOutcome.Result.DONE, LinkAction.OPT_OUT_DIRECT_MARKETING, "uk")[1]);
        assertEquals("Se désinscrire",
                LinkPages.words(LinkOutcome.Result.CONFIRM, LinkAction.OPT_OUT_DIRECT_MARKETING, "fr")[2]);
    }
}
