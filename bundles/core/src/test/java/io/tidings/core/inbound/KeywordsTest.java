package io.tidings.core.inbound;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

import io.tidings.core.inbound.Keywords.Action;
import io.tidings.core.inbound.Keywords.Match;

/** The keywords of incoming messages. */
public class KeywordsTest {

    private final Keywords keywords = new Keywords(new String[] {"STOP", "СТОП", "ARRÊT", "afmeld"},
            new String[] {"START"}, new String[] {"en:HELP", "uk:ДОПОМОГА", "fr:aide", "INFO"},
            new String[] {"en:Reply STOP to stop.", "uk:Надішліть СТОП.", "broken"},
            new String[] {"BOOK", "CALL ME", "STOP"});

    @Test
    public void aReplyMatchesByItsFirstWordInAnyCaseWithoutPunctuation() {
        assertEquals(new Match(Action.STOP, "STOP", null), keywords.match("  stop.").orElseThrow());
        assertEquals(new Match(Action.STOP, "STOP", null), keywords.match("Stop please, no more").orElseThrow());
        assertEquals(new Match(Action.STOP, "СТОП", null), keywords.match("стоп!").orElseThrow());
        assertEquals(new Match(Action.STOP, "ARRÊT", null), keywords.match("Arrêt").orElseThrow());
        assertEquals(new Match(Action.STOP, "AFMELD", null), keywords.match("AFMELD").orElseThrow());
        assertEquals(new Match(Action.START, "START", null), keywords.match("start").orElseThrow());
        assertEquals(new Match(Action.CUSTOM, "BOOK", null), keywords.match("book tomorrow 10:00").orElseThrow());
    }

    @Test
    public void aKeywordOfSeveralWordsMatchesTheWholeReply() {
        assertEquals(new Match(Action.CUSTOM, "CALL ME", null), keywords.match("Call  me!").orElseThrow());
        assertTrue(keywords.match("call").isEmpty());
    }

    @Test
    public void aListMayBeOneLineOfCommaSeparatedWordsAsInACfgFile() {
        Keywords fromFile = new Keywords(new String[] {"STOP, СТОП"}, null, new String[] {"en:HELP, uk:ДОПОМОГА"}, null,
                new String[] {"BOOK,CALLBACK"});
        assertEquals(Action.STOP, fromFile.match("стоп").orElseThrow().action());
        assertEquals(new Match(Action.HELP, "ДОПОМОГА", "uk"), fromFile.match("допомога").orElseThrow());
        assertEquals(new Match(Action.CUSTOM, "CALLBACK", null), fromFile.match("callback").orElseThrow());
    }

    @Test
    public void stopWinsWhenAWordIsInTwoLists() {
        assertEquals(Action.STOP, keywords.match("STOP").orElseThrow().action());
    }

    @Test
    public void textsWithoutAKeywordMatchNothing() {
        assertTrue(keywords.match("Thanks, see you at 10").isEmpty());
        assertTrue(keywords.match("stopwatch").isEmpty());
        assertTrue(keywords.match("").isEmpty());
        assertTrue(keywords.match(null).isEmpty());
        assertTrue(keywords.match("?!").isEmpty());
    }

    @Test
    public void helpKeywordsCarryTheirLanguageAndItsAnswer() {
        Match help = keywords.match("Допомога").orElseThrow();
        assertEquals(new Match(Action.HELP, "ДОПОМОГА", "uk"), help);
        assertEquals("Надішліть СТОП.", keywords.helpAnswer(help.language()).orElseThrow());
        assertEquals("a keyword without a language is English", "en", keywords.match("info").orElseThrow().language());
        assertEquals("no French answer: the first", "Reply STOP to stop.",
                keywords.helpAnswer(keywords.match("AIDE").orElseThrow().language()).orElseThrow());
        assertTrue(new Keywords(null, null, null, null, null).helpAnswer("en").isEmpty());
    }
}
