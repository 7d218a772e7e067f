package io.tidings.rest.json;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.databind.JsonNode;

import io.tidings.api.FailedQuery;

/** {@code {"channel","rule","failedFrom","failedTo"}}: which FAILED communications a bulk retry takes. */
public final class FailedQueryJson {

    private FailedQueryJson() {
    }

    public static FailedQuery read(JsonNode body) {
        Fields fields = Fields.root(body).only("channel", "rule", "failedFrom", "failedTo");
        OffsetDateTime from = fields.dateTime("failedFrom");
        OffsetDateTime to = fields.dateTime("failedTo");
        return new FailedQuery(fields.text("channel"), fields.text("rule"), from == null ? null : from.toInstant(),
                to == null ? null : to.toInstant());
    }
}
