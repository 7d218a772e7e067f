package io.tidings.store.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.type.TypeReference;

import io.tidings.api.Medium;
import io.tidings.api.template.Template;
import io.tidings.api.template.TemplateAttachment;
import io.tidings.api.template.TemplateContent;
import io.tidings.api.template.TemplateVersion;
import io.tidings.core.store.TemplateRepository;

/** Templates over JDBC; every save is a new version, and a deleted template's versions stay readable. */
public final class JdbcTemplates implements TemplateRepository {

    private static final TypeReference<Map<String, TemplateContent>> CONTENTS = new TypeReference<>() {
    };
    private static final TypeReference<List<TemplateAttachment>> ATTACHMENTS = new TypeReference<>() {
    };

    /** The width of the saved_by column (V26). */
    static final int SAVED_BY_LENGTH = 200;

    private final Transactions tx;

    JdbcTemplates(Transactions tx) {
        this.tx = tx;
    }

    private static final String TEMPLATE_COLUMNS = "template_key, version, name, medium, default_language, contents, deleted, "
            + "attachments, reply_to, unit";

    @Override
    public List<Template> templates() {
        return tx.transaction(c -> {
            List<Template> result = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement("SELECT " + TEMPLATE_COLUMNS + " FROM tidings_template t "
                    + "WHERE version = (SELECT MAX(version) FROM tidings_template v WHERE v.template_key = t.template_key) "
                    + "AND deleted = FALSE ORDER BY template_key");
                    ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    result.add(template(rs));
                }
            }
            return result;
        });
    }

    @Override
    public Optional<Template> template(String key) {
        return tx.transaction(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT " + TEMPLATE_COLUMNS
                    + " FROM tidings_template WHERE template_key = ? ORDER BY version DESC LIMIT 1")) {
                select.setString(1, key);
                try (ResultSet rs = select.executeQuery()) {
                    if (!rs.next() || rs.getBoolean(7)) {
                        return Optional.empty();
                    }
                    return Optional.of(template(rs));
                }
            }
        });
    }

    @Override
    public Optional<Template> template(String key, int version) {
        return tx.transaction(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT " + TEMPLATE_COLUMNS
                    + " FROM tidings_template WHERE template_key = ? AND version = ?")) {
                select.setString(1, key);
                select.setInt(2, version);
                try (ResultSet rs = select.executeQuery()) {
                    return rs.next() ? Optional.of(template(rs)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public Template saveTemplate(Template template) {
        return saveTemplate(template, null);
    }

    @Override
    public Template saveTemplate(Template template, String savedBy) {
        return tx.transaction(c -> {
            int version = 1;
            try (PreparedStatement max = c.prepareStatement(
                    "SELECT MAX(version) FROM tidings_template WHERE template_key = ?")) {
                max.setString(1, template.key());
                try (ResultSet rs = max.executeQuery()) {
                    if (rs.next()) {
                        version = rs.getInt(1) + 1;
                    }
                }
            }
            Template saved = template.withVersion(version);
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO tidings_template (template_key, version, name, "
                    + "medium, default_language, contents, deleted, created_at, attachments, reply_to, unit, saved_by) "
                    + "VALUES (?,?,?,?,?,?,FALSE,?,?,?,?,?)")) {
                insert.setString(1, saved.key());
                insert.setInt(2, version);
                insert.setString(3, saved.name());
                insert.setString(4, saved.medium().name());
                insert.setString(5, saved.defaultLanguage());
                insert.setString(6, tx.write(saved.contents()));
                insert.setLong(7, tx.millis());
                if (saved.attachments().isEmpty()) {
                    insert.setNull(8, Types.VARCHAR);
                } else {
                    insert.setString(8, tx.write(saved.attachments()));
                }
                insert.setString(9, saved.replyTo());
                insert.setString(10, saved.unit());
                insert.setString(11, savedBy == null || savedBy.length() <= SAVED_BY_LENGTH ? savedBy
                        : savedBy.substring(0, SAVED_BY_LENGTH));
                insert.executeUpdate();
            }
            return saved;
        });
    }

    @Override
    public List<TemplateVersion> versions(String key) {
        return tx.transaction(c -> {
            List<TemplateVersion> versions = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement("SELECT version, name, saved_by, created_at "
                    + "FROM tidings_template WHERE template_key = ? ORDER BY version")) {
                select.setString(1, key);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        long millis = rs.getLong(4);
                        versions.add(new TemplateVersion(rs.getInt(1), rs.getString(2), rs.getString(3),
                                rs.wasNull() ? null : Instant.ofEpochMilli(millis)));
                    }
                }
            }
            return versions;
        });
    }

    @Override
    public boolean deleteTemplate(String key) {
        if (template(key).isEmpty()) {
            return false;
        }
        // versions stay readable for the communications they rendered
        return tx.update("UPDATE tidings_template SET deleted = TRUE WHERE template_key = ?", key) > 0;
    }

    private Template template(ResultSet rs) throws SQLException {
        return new Template(rs.getString(1), rs.getString(3), Medium.valueOf(rs.getString(4)), rs.getString(5),
                tx.read(rs.getString(6), CONTENTS), rs.getInt(2),
                rs.getString(8) == null ? List.of() : tx.read(rs.getString(8), ATTACHMENTS), rs.getString(9),
                rs.getString(10));
    }
}
