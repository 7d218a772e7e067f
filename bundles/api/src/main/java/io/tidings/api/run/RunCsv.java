package io.tidings.api.run;

import java.time.Instant;
import java.util.List;

import io.tidings.api.Communication;

/**
 * A run's communications as CSV (RFC 4180) for a spreadsheet: ids, event, entity, rule, template,
 * medium, channel, language, status, reason, attempts and times — no addresses or bodies, which are
 * personal data. The REST API and the console export the same file.
 */
public final class RunCsv {

    static final String HEADER = "id,event,entity_type,entity_id,rule,template,medium,channel,language,status,reason,"
            + "attempts,created_at,sent_at\r\n";

    private RunCsv() {
    }

    public static String of(List<Communication> communications) {
        StringBuilder csv = new StringBuilder(HEADER);
        for (Communication c : communications) {
            row(csv, c.id(), c.eventId(), c.entity() == null ? null : c.entity().type(),
                    c.entity() == null ? null : c.entity().id(), c.ruleKey(), c.templateKey(),
                    c.medium() == null ? null : c.medium().name(), c.channel(), c.language(),
                    c.status() == null ? null : c.status().name(), c.statusReason(), Integer.toString(c.attempts()),
                    time(c.createdAt()), time(c.sentAt()));
        }
        return csv.toString();
    }

    /** The file name a download offers, from the run's key (letters, digits, {@code . _ -}). */
    public static String fileName(String key) {
        return "run-" + key.replaceAll("[^A-Za-z0-9._-]", "_") + ".csv";
    }

    private static String time(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    /** Every field quoted, quotes doubled; a leading formula character is defused for spreadsheets. */
    private static void row(StringBuilder csv, String... fields) {
        for (int i = 0; i < fields.length; i++) {
            String value = fields[i] == null ? "" : fields[i];
            if (!value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0) {
                value = "'" + value;
            }
            csv.append(i == 0 ? "" : ",").append('"').append(value.replace("\"", "\"\"")).append('"');
        }
        csv.append("\r\n");
    }
}
