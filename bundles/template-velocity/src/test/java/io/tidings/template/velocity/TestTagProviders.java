package io.tidings.template.velocity;

import static io.tidings.api.tag.FieldType.DATE;
import static io.tidings.api.tag.FieldType.DATE_TIME;
import static io.tidings.api.tag.FieldType.LIST;
import static io.tidings.api.tag.FieldType.MONEY;
import static io.tidings.api.tag.FieldType.TEXT;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import io.tidings.api.tag.FieldDescriptor;
import io.tidings.api.tag.TagProvider;

/** Tag providers for the entities of the CRM.COM manual, as a partner bundle would register them. */
final class TestTagProviders {

    private TestTagProviders() {
    }

    static TagProvider contactInformation() {
        return provider("contact_information", List.of(
                new FieldDescriptor("name", TEXT, "Full name"),
                new FieldDescriptor("email", TEXT, "Email address"),
                new FieldDescriptor("time_zone", TEXT, "Time zone"),
                new FieldDescriptor("segment", TEXT, "Segment")), Map.of());
    }

    static TagProvider accountsReceivable() {
        return provider("accounts_receivable", List.of(
                new FieldDescriptor("number", TEXT, "Account number"),
                new FieldDescriptor("balance", MONEY, "Balance"),
                new FieldDescriptor("outstanding_amount", MONEY, "Outstanding amount")), Map.of());
    }

    static TagProvider serviceRequest() {
        return provider("service_request", List.of(
                new FieldDescriptor("type", TEXT, "Type"),
                new FieldDescriptor("number", TEXT, "Number"),
                new FieldDescriptor("status", TEXT, "Status")), Map.of());
    }

    static TagProvider subscription() {
        return provider("subscription", List.of(
                new FieldDescriptor("number", TEXT, "Number"),
                new FieldDescriptor("services", LIST, "Services")), Map.of());
    }

    static TagProvider bill() {
        return provider("bill", List.of(
                new FieldDescriptor("number", TEXT, "Number"),
                new FieldDescriptor("due_date", DATE, "Due date"),
                new FieldDescriptor("issued_at", DATE_TIME, "Issued at")), Map.of());
    }

    /** A payment whose provider can fetch the accounts receivable the snapshot lacks. */
    static final class Payments implements TagProvider {
        final AtomicInteger fetches = new AtomicInteger();

        @Override
        public String entity() {
            return "payment";
        }

        @Override
        public List<FieldDescriptor> fields() {
            return List.of(new FieldDescriptor("number", TEXT, "Number"),
                    new FieldDescriptor("amount", MONEY, "Amount"),
                    new FieldDescriptor("reference", TEXT, "Reference, shown in upper case"));
        }

        @Override
        public Map<String, String> relations() {
            return Map.of("accounts_receivable", "accounts_receivable");
        }

        @Override
        public Optional<String> format(String field, Object value, Locale locale, ZoneId zone) {
            return "reference".equals(field) ? Optional.of(String.valueOf(value).toUpperCase(Locale.ROOT))
                    : Optional.empty();
        }

        @Override
        public Optional<Map<String, Object>> fetchRelated(String relation, Map<String, Object> owner) {
            if (!"accounts_receivable".equals(relation) || !"fetchable".equals(owner.get("number"))) {
                return Optional.empty();
            }
            fetches.incrementAndGet();
            return Optional.of(Map.of("number", "AR-FETCHED", "balance", "10.5"));
        }
    }

    static TagProvider provider(String entity, List<FieldDescriptor> fields, Map<String, String> relations) {
        return new TagProvider() {
            @Override
            public String entity() {
                return entity;
            }

            @Override
            public List<FieldDescriptor> fields() {
                return fields;
            }

            @Override
            public Map<String, String> relations() {
                return relations;
            }
        };
    }

    static VelocityTemplateEngine engineWithAll() {
        VelocityTemplateEngine engine = new VelocityTemplateEngine();
        engine.addTagProvider(contactInformation());
        engine.addTagProvider(accountsReceivable());
        engine.addTagProvider(serviceRequest());
        engine.addTagProvider(subscription());
        engine.addTagProvider(bill());
        engine.addTagProvider(new Payments());
        return engine;
    }
}
