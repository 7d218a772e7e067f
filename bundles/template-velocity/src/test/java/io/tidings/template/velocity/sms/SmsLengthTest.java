package io.tidings.template.velocity.sms;

import static org.junit.Assert.assertEquals;

import org.junit.Test;

import io.tidings.api.template.SmsInfo;

public class SmsLengthTest {

    @Test
    public void gsmTextUpTo160SeptetsIsOnePart() {
        assertEquals(new SmsInfo("GSM-7", 160, 1), SmsLength.of("a".repeat(160)));
        assertEquals(new SmsInfo("GSM-7", 161, 2), SmsLength.of("a".repeat(161)));
        assertEquals(new SmsInfo("GSM-7", 306, 2), SmsLength.of("a".repeat(306)));
        assertEquals(new SmsInfo("GSM-7", 307, 3), SmsLength.of("a".repeat(307)));
    }

    @Test
    public void extensionCharactersCountTwiceAndAreNeverSplit() {
        assertEquals(new SmsInfo("GSM-7", 10, 1), SmsLength.of("Total 5€ "));
        assertEquals(new SmsInfo("GSM-7", 160, 1), SmsLength.of("€".repeat(80)));
        // 152 septets, then an escape pair that does not fit the first part's 153
        assertEquals(new SmsInfo("GSM-7", 162, 2), SmsLength.of("a".repeat(152) + "€" + "a".repeat(8)));
        assertEquals(new SmsInfo("GSM-7", 5, 1), SmsLength.of("Ærø ñ"));
    }

    @Test
    public void anythingOutsideGsmIsUcs2() {
        assertEquals(new SmsInfo("UCS-2", 70, 1), SmsLength.of("ї".repeat(70)));
        assertEquals(new SmsInfo("UCS-2", 71, 2), SmsLength.of("ї".repeat(71)));
        assertEquals(new SmsInfo("UCS-2", 134, 2), SmsLength.of("ї".repeat(134)));
        assertEquals(new SmsInfo("UCS-2", 135, 3), SmsLength.of("ї".repeat(135)));
        // a French ç is not GSM (only the capital Ç is)
        assertEquals("UCS-2", SmsLength.of("Reçu").encoding());
    }
}
