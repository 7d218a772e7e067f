package io.tidings.tags.rewards;

import static org.junit.Assert.assertEquals;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.junit.Test;

public class NotificationTagsTest {

    private final NotificationTags tags = new NotificationTags();

    @Test
    public void amountListsBecomeOneLinePerItemWithTheirCurrency() {
        List<Map<String, Object>> bills = List.of(Map.of("name", "BILL-9", "amount", "120.5", "currency", "EUR"),
                Map.of("name", "BILL-10", "amount", 7));
        assertEquals(Optional.of("BILL-9: €120.50\nBILL-10: 7.00"),
                tags.format("bills_notified_amount", bills, Locale.ENGLISH, null));
        assertEquals(Optional.of("BILL-9: 120,50\u00a0€\nBILL-10: 7,00"),
                tags.format("bills_notified_amount", bills, Locale.FRENCH, null));
    }

    @Test
    public void otherFieldsKeepTheEngineFormat() {
        assertEquals(Optional.empty(), tags.format("total_notified_amount", "12", Locale.ENGLISH, null));
        assertEquals(Optional.empty(), tags.format("jobs_type", List.of("Installation"), Locale.ENGLISH, null));
    }
}
