package io.tidings.api.run;

import static org.junit.Assert.assertEquals;

import java.time.Instant;
import java.util.List;

import org.junit.Test;

import io.tidings.api.Communication;
import io.tidings.api.CommunicationStatus;
import io.tidings.api.EntityRef;
import io.tidings.api.Medium;

public class RunCsvTest {

    @Test
    public void fieldsAreQuotedAndFormulasDefused() {
        Communication c = new Communication("c-1", "e-1", new EntityRef("bill", "B-7"), "bills", "bill", 2, Medium.EMAIL,
                "smtp-main", "olena@example.com", "uk", CommunicationStatus.SUPPRESSED,
                "=HYPERLINK(\"x\") \"no consent\"", 0, Instant.parse("2026-03-01T07:00:00Z"),
                Instant.parse("2026-03-01T07:00:00Z"), null, null, "Рахунок", "тіло");
        String csv = RunCsv.of(List.of(c));
        assertEquals(RunCsv.HEADER + "\"c-1\",\"e-1\",\"bill\",\"B-7\",\"bills\",\"bill\",\"EMAIL\",\"smtp-main\",\"uk\","
                + "\"SUPPRESSED\",\"'=HYPERLINK(\"\"x\"\") \"\"no consent\"\"\",\"0\",\"2026-03-01T07:00:00Z\",\"\"\r\n", csv);
    }

    @Test
    public void theFileNameKeepsOnlySafeCharacters() {
        assertEquals("run-bills-2026-03.csv", RunCsv.fileName("bills-2026-03"));
        assertEquals("run-a_b_.csv", RunCsv.fileName("a\"b/"));
    }
}
