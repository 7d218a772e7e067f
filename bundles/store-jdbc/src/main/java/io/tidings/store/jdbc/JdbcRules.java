package io.tidings.store.jdbc;

import static io.tidings.store.jdbc.Transactions.bind;
import static io.tidings.store.jdbc.Transactions.setInteger;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.type.TypeReference;

import io.tidings.api.Purpose;
import io.tidings.api.rule.NotificationRule;
import io.tidings.api.rule.QuietHours;
import io.tidings.api.rule.Digest;
import io.tidings.api.rule.FrequencyCap;
import io.tidings.api.rule.Reminder;
import io.tidings.core.store.RuleRepository;

/** Notification rules over JDBC. */
public final class JdbcRules implements RuleRepository {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private final Transactions tx;

    JdbcRules(Transactions tx) {
        this.tx = tx;
    }

    private static final String RULE_COLUMNS = "rule_key, name, trigger_event, to_status, locations, condition_expr, "
            + "templates, recipients, purpose, delay_iso, enabled, reminder_field, reminder_before, reminder_days_before, "
            + "reminder_at, working_hours_only, quiet_from, quiet_to, outcome, contact_attempt, channel, "
            + "frequency_cap_max, frequency_cap_per, digest_window, reply_to, unit";

    @Override
    public List<NotificationRule> rules() {
        return tx.transaction(c -> {
            List<NotificationRule> result = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT " + RULE_COLUMNS + " FROM tidings_rule ORDER BY rule_key");
                    ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    result.add(rule(rs));
                }
            }
            return result;
        });
    }

    @Override
    public Optional<NotificationRule> rule(String key) {
        return tx.transaction(c -> {
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT " + RULE_COLUMNS + " FROM tidings_rule WHERE rule_key = ?")) {
                select.setString(1, key);
                try (ResultSet rs = select.executeQuery()) {
                    return rs.next() ? Optional.of(rule(rs)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public void saveRule(NotificationRule rule) {
        changeRules(List.of(rule), List.of());
    }

    @Override
    public void changeRules(List<NotificationRule> save, List<String> delete) {
        tx.transaction(c -> {
            try (PreparedStatement remove = c.prepareStatement("DELETE FROM tidings_rule WHERE rule_key = ?")) {
                for (String key : delete) {
                    remove.setString(1, key);
                    remove.executeUpdate();
                }
                for (NotificationRule rule : save) {
                    remove.setString(1, rule.key());
                    remove.executeUpdate();
                }
            }
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO tidings_rule (" + RULE_COLUMNS
                    + ", updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
                for (NotificationRule rule : save) {
                    Reminder reminder = rule.reminder();
                    QuietHours quiet = rule.quietHours();
                    bind(insert, rule.key(), rule.name(), rule.event(), rule.toStatus(), tx.write(rule.locations()),
                            rule.condition(), tx.write(rule.templates()), tx.write(rule.recipients()), rule.purpose().name(),
                            rule.delay() == null ? null : rule.delay().toString(), rule.enabled(),
                            reminder == null ? null : reminder.field(),
                            reminder == null || reminder.before() == null ? null : reminder.before().toString(),
                            reminder == null ? null : reminder.daysBefore(),
                            reminder == null || reminder.at() == null ? null : reminder.at().toString(),
                            rule.workingHoursOnly(), quiet == null ? null : quiet.from().toString(),
                            quiet == null ? null : quiet.to().toString(), rule.outcome(), rule.contactAttempt(),
                            rule.channel(), rule.frequencyCap() == null ? null : rule.frequencyCap().max(),
                            rule.frequencyCap() == null ? null : rule.frequencyCap().period(),
                            rule.digest() == null ? null : rule.digest().window().toString(), rule.replyTo(), rule.unit(), tx.millis());
                    // typed nulls: PostgreSQL refuses a VARCHAR null for an INTEGER column
                    setInteger(insert, 14, reminder == null ? null : reminder.daysBefore());
                    setInteger(insert, 20, rule.contactAttempt());
                    setInteger(insert, 22, rule.frequencyCap() == null ? null : rule.frequencyCap().max());
                    insert.executeUpdate();
                }
            }
            return null;
        });
    }

    @Override
    public boolean deleteRule(String key) {
        return tx.update("DELETE FROM tidings_rule WHERE rule_key = ?", key) > 0;
    }

    private NotificationRule rule(ResultSet rs) throws SQLException {
        String delay = rs.getString(10);
        Reminder reminder = null;
        if (rs.getString(12) != null) {
            String before = rs.getString(13);
            int days = rs.getInt(14);
            Integer daysBefore = rs.wasNull() ? null : days;
            String at = rs.getString(15);
            reminder = new Reminder(rs.getString(12), before == null ? null : Duration.parse(before), daysBefore,
                    at == null ? null : LocalTime.parse(at));
        }
        QuietHours quiet = rs.getString(17) == null ? null
                : new QuietHours(LocalTime.parse(rs.getString(17)), LocalTime.parse(rs.getString(18)));
        int attempt = rs.getInt(20);
        Integer contactAttempt = rs.wasNull() ? null : attempt;
        return new NotificationRule(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                tx.read(rs.getString(5), STRINGS), rs.getString(6), tx.read(rs.getString(7), STRINGS),
                tx.read(rs.getString(8), STRINGS), Purpose.valueOf(rs.getString(9)),
                delay == null ? null : Duration.parse(delay), rs.getBoolean(11), reminder, rs.getBoolean(16), quiet,
                rs.getString(19), contactAttempt, rs.getString(21), rs.getString(23) == null ? null
                        : new FrequencyCap(rs.getInt(22), Duration.parse(rs.getString(23))),
                rs.getString(24) == null ? null : new Digest(Duration.parse(rs.getString(24))), rs.getString(25),
                rs.getString(26));
    }
}
