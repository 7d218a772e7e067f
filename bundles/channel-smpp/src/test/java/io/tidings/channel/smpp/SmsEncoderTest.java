package io.tidings.channel.smpp;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.Test;

public class SmsEncoderTest {

    @Test
    public void extensionCharactersCountTwice() {
        assertEquals(1, GsmAlphabet.septets('a'));
        assertEquals(2, GsmAlphabet.septets('€'));
        assertEquals(2, GsmAlphabet.septets('{'));
        assertEquals(0, GsmAlphabet.septets('ї'));
        assertEquals(8, GsmAlphabet.septets("[a]{b"));
        assertEquals(-1, GsmAlphabet.septets("Привіт"));
        assertArrayEquals(new byte[] {0x1B, 0x65, 0x41}, GsmAlphabet.encode("€A"));
        assertEquals("€A @ü", GsmAlphabet.decode(GsmAlphabet.encode("€A @ü"), 0, 6));
    }

    @Test
    public void gsmBoundaryIs160ThenPartsOf153() {
        assertEquals(1, SmsEncoder.partCount("a".repeat(160)));
        assertEquals(2, SmsEncoder.partCount("a".repeat(161)));
        assertEquals(2, SmsEncoder.partCount("a".repeat(306)));
        assertEquals(3, SmsEncoder.partCount("a".repeat(307)));
        List<String> chunks = SmsEncoder.splitGsm("a".repeat(161));
        assertEquals(153, chunks.get(0).length());
        assertEquals(8, chunks.get(1).length());
    }

    @Test
    public void extensionCharactersShrinkTheLimitAndAreNeverSplit() {
        assertEquals(1, SmsEncoder.partCount("€".repeat(80)));
        assertEquals(2, SmsEncoder.partCount("€".repeat(81)));
        assertEquals(2, SmsEncoder.partCount("a".repeat(159) + "€"));
        // 152 septets then an escape pair: the pair moves to the next part whole
        List<String> chunks = SmsEncoder.splitGsm("a".repeat(152) + "€" + "b".repeat(10));
        assertEquals("a".repeat(152), chunks.get(0));
        assertEquals("€" + "b".repeat(10), chunks.get(1));
    }

    @Test
    public void ucs2BoundaryIs70ThenPartsOf67() {
        assertEquals(1, SmsEncoder.partCount("ї".repeat(70)));
        assertEquals(2, SmsEncoder.partCount("ї".repeat(71)));
        assertEquals(2, SmsEncoder.partCount("ї".repeat(134)));
        assertEquals(3, SmsEncoder.partCount("ї".repeat(135)));
        // one character outside GSM makes the whole text UCS-2
        assertEquals(2, SmsEncoder.partCount("a".repeat(70) + "ї"));
        List<String> chunks = SmsEncoder.splitUcs2("ї".repeat(71));
        assertEquals(67, chunks.get(0).length());
    }

    @Test
    public void aSurrogatePairIsNeverSplit() {
        String text = "ї".repeat(66) + "😀" + "ї".repeat(5);
        List<String> chunks = SmsEncoder.splitUcs2(text);
        assertEquals(66, chunks.get(0).length());
        assertTrue(chunks.get(1).startsWith("😀"));
    }

    @Test
    public void udhCarriesReferenceTotalAndSequence() {
        SmsEncoder.Encoded encoded = SmsEncoder.encode("x".repeat(200), Concatenation.UDH, 0x1234);
        assertTrue(encoded.gsm7());
        assertEquals(2, encoded.parts().size());
        byte[] second = encoded.parts().get(1).shortMessage();
        assertArrayEquals(new byte[] {0x05, 0x00, 0x03, 0x34, 0x02, 0x02}, java.util.Arrays.copyOf(second, 6));
        assertEquals(6 + 47, second.length);
    }

    @Test
    public void sarAndPayloadCarryNoHeader() {
        SmsEncoder.Encoded sar = SmsEncoder.encode("x".repeat(200), Concatenation.SAR, 7);
        assertEquals(2, sar.parts().size());
        assertFalse(sar.parts().get(0).udh());
        assertEquals(153, sar.parts().get(0).shortMessage().length);
        SmsEncoder.Encoded payload = SmsEncoder.encode("Привіт ".repeat(20), Concatenation.PAYLOAD, 7);
        assertEquals(SmsEncoder.UCS2, payload.dataCoding());
        assertEquals("Привіт ".repeat(20), new String(payload.payload(), StandardCharsets.UTF_16BE));
        // a short text needs no payload TLV even in PAYLOAD mode
        assertEquals(1, SmsEncoder.encode("short", Concatenation.PAYLOAD, 7).parts().size());
    }

    @Test
    public void phoneNumbersAreNormalisedToE164() {
        assertEquals("+380671234567", PhoneNumbers.e164("+380 67 123 45 67", "").orElseThrow());
        assertEquals("+380671234567", PhoneNumbers.e164("067 123 45 67", "UA").orElseThrow());
        assertEquals("+4520123456", PhoneNumbers.e164("20 12 34 56", "dk").orElseThrow());
        assertTrue(PhoneNumbers.e164("067 123 45 67", "").isEmpty());
        assertTrue(PhoneNumbers.e164("+380 12", "").isEmpty());
        assertTrue(PhoneNumbers.e164("not a number", "UA").isEmpty());
    }
}
