package io.tidings.webconsole.page;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.util.Map;

import org.junit.Test;

import io.tidings.api.ValidationException;

public class SampleDataTest {

    @Test
    public void linesBecomeTheEntitiesOfAnEvent() {
        Map<String, Object> data = SampleData.parse("contact_information.name = Олена Коваль\r\n\n"
                + "  order.number=1001\norder.total.amount = 1250.50\norder.total.currency = UAH\n"
                + "location.name = Butikken på Strøget = Nørrebro\n");
        assertEquals(Map.of(
                "contact_information", Map.of("name", "Олена Коваль"),
                "order", Map.of("number", "1001", "total", Map.of("amount", "1250.50", "currency", "UAH")),
                "location", Map.of("name", "Butikken på Strøget = Nørrebro")), data);
        assertEquals(Map.of(), SampleData.parse(null));
        assertEquals(Map.of(), SampleData.parse(" \n "));
    }

    @Test
    public void aMalformedLineIsNamedWithItsNumber() {
        ValidationException noEquals = assertThrows(ValidationException.class,
                () -> SampleData.parse("order.number = 1\ncontact_information.name Олена"));
        assertEquals("data (line 2, column 1): expected entity.field = value, found 'contact_information.name Олена'",
                noEquals.getMessage());
        ValidationException noEntity = assertThrows(ValidationException.class, () -> SampleData.parse("name = Олена"));
        assertEquals(1, noEntity.line());
        ValidationException twice = assertThrows(ValidationException.class,
                () -> SampleData.parse("order.number = 1\norder.number = 2"));
        assertEquals("data (line 2, column 1): 'order.number' is given twice", twice.getMessage());
        ValidationException valueAndFields = assertThrows(ValidationException.class,
                () -> SampleData.parse("order.total = 5\norder.total.amount = 5"));
        assertEquals("data (line 2, column 1): 'order.total' has a value of its own and cannot also hold fields",
                valueAndFields.getMessage());
    }

    @Test
    public void jsonIsTheEventsDataAsAHostPostsIt() {
        Map<String, Object> data = SampleData.parse("\n {\"contact_information\": {\"name\": \"Олена Коваль\"},\n"
                + "  \"order\": {\"number\": 1001, \"total\": {\"amount\": 1250.50}}}");
        assertEquals(Map.of("contact_information", Map.of("name", "Олена Коваль"),
                "order", Map.of("number", 1001, "total", Map.of("amount", 1250.50))), data);
        assertEquals(data, SampleData.parse(SampleData.write(data)));
    }

    @Test
    public void malformedJsonIsNamedWithItsLineAndColumn() {
        ValidationException broken = assertThrows(ValidationException.class,
                () -> SampleData.parse("{\"order\": {\"number\": 1001,\n  \"total\" 5}}"));
        assertEquals(SampleData.FIELD, broken.field());
        assertEquals(2, broken.line());
        assertEquals(11, broken.column());
        ValidationException notAnObject = assertThrows(ValidationException.class, () -> SampleData.parse("{\"a\": 1} ]"));
        assertEquals(SampleData.FIELD, notAnObject.field());
    }
}
