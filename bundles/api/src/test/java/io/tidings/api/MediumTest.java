package io.tidings.api;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.Optional;

import org.junit.Test;

public class MediumTest {

    @Test
    public void aMediumIsItsName() {
        assertSame(Medium.EMAIL, Medium.of("EMAIL"));
        assertSame(Medium.SMS, Medium.valueOf("SMS"));
        assertSame(Medium.WEBHOOK, Medium.parse(" webhook "));
        assertEquals(Medium.of("PUSH"), Medium.parse("push"));
        assertEquals(Medium.of("PUSH").hashCode(), Medium.of("PUSH").hashCode());
        assertNotEquals(Medium.of("PUSH"), Medium.of("WHATSAPP"));
        assertEquals("WHATSAPP", Medium.of("WHATSAPP").toString());
        assertEquals("WHATSAPP", Medium.of("WHATSAPP").name());
        assertTrue(Medium.of("A1_B").compareTo(Medium.of("B")) < 0);
    }

    @Test
    public void theBuiltInMediaHaveTheirKinds() {
        assertEquals(Optional.of(ContentKind.EMAIL), Medium.EMAIL.builtInKind());
        assertEquals(Optional.of(ContentKind.TEXT), Medium.SMS.builtInKind());
        assertEquals(Optional.of(ContentKind.STRUCTURED), Medium.WEBHOOK.builtInKind());
        assertEquals(Optional.empty(), Medium.of("PUSH").builtInKind());
        assertFalse(Medium.of("PUSH").isBuiltIn());
    }

    @Test
    public void whatIsNotANameIsRefusedWithTheValue() {
        for (String bad : new String[] {"", "push", "1SMS", "FAX MACHINE", "A".repeat(33), "SMS-2"}) {
            IllegalArgumentException e = assertThrows(bad, IllegalArgumentException.class, () -> Medium.of(bad));
            assertTrue(e.getMessage(), e.getMessage().contains("'" + bad.substring(0, Math.min(bad.length(), 40)))
                    && e.getMessage().contains("upper-case"));
        }
        assertThrows(IllegalArgumentException.class, () -> Medium.of(null));
        assertTrue(Medium.isName("A" + "B".repeat(31)));
        assertEquals(ContentKind.STRUCTURED, ContentKind.parse(" structured"));
        assertEquals(null, ContentKind.parse("JSON"));
    }
}
