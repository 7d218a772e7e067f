package io.tidings.shell;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.Test;

import io.tidings.api.Communication;
import io.tidings.api.CommunicationStatus;
import io.tidings.api.EntityRef;
import io.tidings.api.Medium;
import io.tidings.api.template.RenderedMessage;

public class FormattingTest {

    private static final String UK_TEXT = "Вітаємо, Олено! Замовлення №4711 має статус “Готове”.\nЧекаємо на вас.";
    private static final String DA_SUBJECT = "Booking bekræftet – påmindelse";
    private static final String FR_TEXT = "Bonjour Hélène, votre appareil est prêt pour le ramassage.";

    @Test
    public void cellsAreOneLineAndBounded() {
        assertEquals("-", Format.cell(null, 10));
        assertEquals("-", Format.cell(" \n ", 10));
        assertEquals("Вітаємо, Олено! Замовлення №4711 має статус “Готове”. Чекаємо на вас.", Format.cell(UK_TEXT, 200));
        assertEquals("Booking b…", Format.cell(DA_SUBJECT, 10));
        assertEquals(10, Format.cell(DA_SUBJECT, 10).length());
        // Never cut a character in two, even outside the basic plane.
        assertEquals("📦📦…", Format.cell("📦📦📦📦", 3));
        assertEquals("2025-03-14T07:30:00Z", Format.time(Instant.parse("2025-03-14T07:30:00Z")));
        assertEquals("-", Format.time(null));
        assertEquals("EMAIL, SMS", Format.list(List.of("EMAIL", "SMS")));
        assertEquals("-", Format.list(List.of()));
    }

    private static Communication communication(Instant sentAt, String body) {
        return new Communication("c-1", "evt-1", new EntityRef("order", "4711"), "ready", "order_ready", 2,
                Medium.EMAIL, "smtp-main", "olena@example.ua", "uk", CommunicationStatus.SENT, null, 1,
                Instant.parse("2025-03-14T07:30:00Z"), Instant.parse("2025-03-14T07:29:00Z"), sentAt, "<id@smtp>",
                "Замовлення №4711 готове", body);
    }

    @Test
    public void communicationDetailsShowEveryFieldAndTheBody() {
        List<String> lines = CommunicationDetails.lines(communication(Instant.parse("2025-03-14T07:30:01Z"), UK_TEXT));
        assertTrue(lines.contains("Id:          c-1"));
        assertTrue(lines.contains("Entity:      order 4711"));
        assertTrue(lines.contains("Template:    order_ready v2"));
        assertTrue(lines.contains("Reason:      -"));
        assertTrue(lines.contains("Sent:        2025-03-14T07:30:01Z"));
        assertTrue(lines.contains("Subject:     Замовлення №4711 готове"));
        assertEquals("Чекаємо на вас.", lines.get(lines.size() - 1));
        List<String> pending = CommunicationDetails.lines(communication(null, null));
        assertTrue(pending.get(pending.size() - 1).contains("not rendered yet"));
        assertEquals("sent 2025-03-14T07:30:01Z",
                CommunicationsCommand.when(communication(Instant.parse("2025-03-14T07:30:01Z"), null)));
        assertEquals("not before 2025-03-14T07:30:00Z", CommunicationsCommand.when(communication(null, null)));
    }

    @Test
    public void statusOptionNamesTheAllowedValues() {
        assertEquals(CommunicationStatus.FAILED, CommunicationsCommand.status("failed"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CommunicationsCommand.status("LOST"));
        assertTrue(e.getMessage().contains("--status") && e.getMessage().contains("SUPPRESSED"));
    }

    @Test
    public void sampleDataKeepsTextAndDecimals() {
        Map<String, Object> data = SampleData.parse(
                "{\"contact_information\":{\"name\":\"Søren Ærø\"},\"bill\":{\"total\":1299.90,\"note\":\"" + FR_TEXT + "\"}}",
                "--data");
        assertEquals("Søren Ærø", ((Map<?, ?>) data.get("contact_information")).get("name"));
        assertEquals(new BigDecimal("1299.90"), ((Map<?, ?>) data.get("bill")).get("total"));
        assertEquals(FR_TEXT, ((Map<?, ?>) data.get("bill")).get("note"));
        assertEquals(Map.of(), SampleData.read(null, null));
    }

    @Test
    public void badSampleDataNamesItsSourceLineAndColumn() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SampleData.parse("{\n\"order\": {\"id\": }\n}", "--data"));
        assertTrue(e.getMessage(), e.getMessage().startsWith("--data (line 2, column "));
        assertThrows(IllegalArgumentException.class, () -> SampleData.parse("[1, 2]", "--data"));
        assertThrows(IllegalArgumentException.class, () -> SampleData.read("{}", "data.json"));
    }

    @Test
    public void readsSampleDataFromAUtf8File() throws IOException {
        Path file = Files.createTempFile("tidings-sample", ".json");
        try {
            Files.writeString(file, "{\"order\":{\"status\":\"Готове\"}}", StandardCharsets.UTF_8);
            assertEquals("Готове", ((Map<?, ?>) SampleData.read(null, file.toString()).get("order")).get("status"));
            Files.writeString(file, "{\"order\":", StandardCharsets.UTF_8);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> SampleData.read(null, file.toString()));
            assertTrue(e.getMessage(), e.getMessage().startsWith(file.toString()));
        } finally {
            Files.delete(file);
        }
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> SampleData.read(null, file.toString()));
        assertTrue(missing.getMessage().startsWith("--data-file"));
    }

    @Test
    public void renderOutputShowsTheLanguageDecisionAndEachPart() {
        List<String> lines = RenderOutput.lines(new RenderedMessage("da",
                "preferred language 'de' has no content; default 'da'", 3, DA_SUBJECT, "<p>Hej</p>", "Hej\nVi ses"));
        assertEquals(List.of("Language: da (preferred language 'de' has no content; default 'da')", "Version:  3",
                "Subject:  " + DA_SUBJECT, "--- text ---", "Hej", "Vi ses", "--- html ---", "<p>Hej</p>"), lines);
        List<String> sms = RenderOutput.lines(new RenderedMessage("uk", null, 1, null, null, UK_TEXT));
        assertEquals("Language: uk", sms.get(0));
        assertFalse(sms.stream().anyMatch(l -> l.startsWith("Subject") || l.equals("--- html ---")));
    }
}
