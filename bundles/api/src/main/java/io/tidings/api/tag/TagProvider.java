package io.tidings.api.tag;

import java.util.List;
import java.util.Locale;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Describes one entity type that templates can use as {@code #entity.field}. Register one
 * service per entity; installing the bundle makes its tags valid at once.
 */
@ConsumerType
public interface TagProvider {

    /** The entity name, e.g. {@code bill}; the first segment of its tags. */
    String entity();

    /** Human-readable description of the entity. */
    default String description() {
        return entity();
    }

    /** The fields of the entity. */
    List<FieldDescriptor> fields();

    /**
     * Related entities reachable as nested tags, by field name: {@code accounts_receivable} →
     * {@code accounts_receivable} makes {@code #payment.accounts_receivable.balance} valid.
     */
    default Map<String, String> relations() {
        return Map.of();
    }

    /**
     * Formats a value of one of the fields for the recipient's locale and time zone; empty to let
     * the engine apply the default formatting of the field's type.
     */
    default Optional<String> format(String field, Object value, Locale locale, ZoneId zone) {
        return Optional.empty();
    }

    /**
     * Fetches a related entity that the event's snapshot lacks, e.g. the accounts receivable of a
     * payment; empty when it cannot.
     *
     * @param relation the relation field name
     * @param owner    the snapshot of the owning entity
     */
    default Optional<Map<String, Object>> fetchRelated(String relation, Map<String, Object> owner) {
        return Optional.empty();
    }
}
