package io.tidings.tags.crm;

import static io.tidings.api.tag.FieldType.DATE;
import static io.tidings.api.tag.FieldType.DATE_TIME;
import static io.tidings.api.tag.FieldType.NUMBER;
import static io.tidings.api.tag.FieldType.TEXT;

import java.time.ZoneId;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.osgi.service.component.annotations.Component;

import io.tidings.api.tag.FieldDescriptor;
import io.tidings.api.tag.TagProvider;

/**
 * The person a message is about and usually addressed to: {@code #contact_information.name}.
 * Consent flags are deliberately not tags: they decide whether a message is sent, a message never
 * quotes them.
 */
@Component(service = TagProvider.class, property = "tag.entity=" + ContactInformationTags.ENTITY)
public class ContactInformationTags implements TagProvider {

    static final String ENTITY = "contact_information";

    private static final List<FieldDescriptor> FIELDS = List.of(
            new FieldDescriptor("number", TEXT, "Client number in the host system"),
            new FieldDescriptor("name", TEXT, "Full name as the client should be addressed"),
            new FieldDescriptor("first_name", TEXT, "First name"),
            new FieldDescriptor("last_name", TEXT, "Last name"),
            new FieldDescriptor("company_name", TEXT, "Company name, for business clients"),
            new FieldDescriptor("email", TEXT, "Primary email address"),
            new FieldDescriptor("phone", TEXT, "Primary phone number in international format"),
            new FieldDescriptor("address", TEXT, "Postal address"),
            new FieldDescriptor("preferred_language", TEXT,
                    "Preferred language (ISO 639-1 code such as en, uk, da, fr), shown by its name"),
            new FieldDescriptor("time_zone", TEXT, "Time zone the client lives in (IANA name, e.g. Europe/Kyiv)"),
            new FieldDescriptor("segment", TEXT, "Customer segment, e.g. vip or wholesale"),
            new FieldDescriptor("discount", NUMBER, "Personal discount in percent"),
            new FieldDescriptor("date_of_birth", DATE, "Date of birth"),
            new FieldDescriptor("created_at", DATE_TIME, "When the client was registered"));

    @Override
    public String entity() {
        return ENTITY;
    }

    @Override
    public String description() {
        return "Contact information of the client: name, email, phone, language and time zone";
    }

    @Override
    public List<FieldDescriptor> fields() {
        return FIELDS;
    }

    /** A language code means nothing to a client; its name in the message's language does. */
    @Override
    public Optional<String> format(String field, Object value, Locale locale, ZoneId zone) {
        if (!"preferred_language".equals(field) || !(value instanceof String code) || code.isBlank()) {
            return Optional.empty();
        }
        try {
            Locale language = new Locale.Builder().setLanguageTag(code.trim()).build();
            String name = language.getDisplayLanguage(locale);
            return name.isEmpty() ? Optional.empty() : Optional.of(name);
        } catch (IllformedLocaleException e) {
            return Optional.empty();
        }
    }
}
