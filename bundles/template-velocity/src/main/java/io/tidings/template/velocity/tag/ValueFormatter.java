package io.tidings.template.velocity.tag;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.time.temporal.TemporalAccessor;
import java.util.Collection;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tidings.api.tag.FieldType;
import io.tidings.template.velocity.sandbox.SandboxViolation;

/**
 * Turns a tag's value into text for the recipient: the tag provider's own formatting first, else
 * by the field's type in the rendering language's locale and the recipient's time zone.
 */
public final class ValueFormatter {

    private static final Logger LOG = LoggerFactory.getLogger(ValueFormatter.class);

    private static final Map<String, String[]> YES_NO = Map.of(
            "en", new String[] {"yes", "no"},
            "uk", new String[] {"так", "ні"},
            "da", new String[] {"ja", "nej"},
            "fr", new String[] {"oui", "non"},
            "de", new String[] {"ja", "nein"});

    /**
     * Formats are costly to look up (locale providers) and {@link NumberFormat} is not thread-safe:
     * one prototype per locale and shape, cloned for each use; date formatters are immutable.
     */
    private record NumberShape(Locale locale, boolean currency, int minFraction, int maxFraction) {
    }

    private static final java.util.concurrent.ConcurrentMap<NumberShape, NumberFormat> NUMBER_FORMATS =
            new java.util.concurrent.ConcurrentHashMap<>();
    private static final java.util.concurrent.ConcurrentMap<Locale, DateTimeFormatter> DATE_FORMATS =
            new java.util.concurrent.ConcurrentHashMap<>();
    private static final java.util.concurrent.ConcurrentMap<Locale, DateTimeFormatter> DATE_TIME_FORMATS =
            new java.util.concurrent.ConcurrentHashMap<>();
    /** Bounds the caches: locales come from data, so a flood of odd language tags must not grow them forever. */
    private static final int MAX_CACHED_LOCALES = 512;

    private static NumberFormat numberFormat(Locale locale, boolean currency, int minFraction, int maxFraction) {
        NumberShape shape = new NumberShape(locale, currency, minFraction, maxFraction);
        NumberFormat prototype = NUMBER_FORMATS.get(shape);
        if (prototype == null) {
            prototype = currency ? NumberFormat.getCurrencyInstance(locale) : NumberFormat.getNumberInstance(locale);
            prototype.setGroupingUsed(true);
            if (!currency) {
                prototype.setMinimumFractionDigits(minFraction);
                prototype.setMaximumFractionDigits(maxFraction);
            }
            if (NUMBER_FORMATS.size() < MAX_CACHED_LOCALES * 4) {
                NUMBER_FORMATS.putIfAbsent(shape, prototype);
            }
        }
        return (NumberFormat) prototype.clone();
    }

    private static DateTimeFormatter dateFormat(Locale locale) {
        return cached(DATE_FORMATS, locale, l -> DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(l));
    }

    private static DateTimeFormatter dateTimeFormat(Locale locale) {
        return cached(DATE_TIME_FORMATS, locale,
                l -> DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(l));
    }

    private static DateTimeFormatter cached(java.util.concurrent.ConcurrentMap<Locale, DateTimeFormatter> cache,
            Locale locale, java.util.function.Function<Locale, DateTimeFormatter> make) {
        DateTimeFormatter format = cache.get(locale);
        if (format == null) {
            format = make.apply(locale);
            if (cache.size() < MAX_CACHED_LOCALES) {
                cache.putIfAbsent(locale, format);
            }
        }
        return format;
    }

    private final TagCatalog catalog;
    private final Locale locale;
    /** The recipient's zone, null when unknown (a date-time then keeps its own offset). */
    private final ZoneId zone;

    public ValueFormatter(TagCatalog catalog, Locale locale, ZoneId zone) {
        this.catalog = catalog;
        this.locale = locale;
        this.zone = zone;
    }

    /**
     * @param path the tag path the value was read with, null when it is no plain path (a loop
     *             variable, a method call)
     */
    public String format(List<String> path, Object value) {
        if (value == null) {
            return "";
        }
        // before any provider's format sees it: a formatter that writes 1e999999999 out runs out of memory
        refuseAbsurdNumber(path, value);
        if (path != null && path.size() >= 2 && resolve(path) instanceof TagCatalog.Resolved resolved) {
            TagCatalog.Field field = resolved.field();
            try {
                Optional<String> own = field.provider().format(field.descriptor().name(), value, locale,
                        zone != null ? zone : zoneOf(value));
                if (own != null && own.isPresent()) {
                    return own.get();
                }
            } catch (RuntimeException e) {
                LOG.warn("Tag provider for '{}' failed to format '{}'; using the default format", field.entity(),
                        field.descriptor().name(), e);
            }
            return byType(field.descriptor().type(), value, path);
        }
        return plain(value);
    }

    /**
     * A tag path, or a loop variable's: a digest's item is an event's data, so {@code $item.order.total}
     * is formatted as {@code #order.total} is.
     */
    private TagCatalog.Resolution resolve(List<String> path) {
        TagCatalog.Resolution resolution = catalog.resolve(path);
        if (!(resolution instanceof TagCatalog.Resolved) && path.size() >= 3 && !catalog.hasEntity(path.get(0))) {
            return catalog.resolve(path.subList(1, path.size()));
        }
        return resolution;
    }

    String byType(FieldType type, Object value) {
        return byType(type, value, null);
    }

    /** @param path the tag, to name in an error; null when unknown */
    private String byType(FieldType type, Object value, List<String> path) {
        if (type == null) {
            return plain(value);
        }
        return switch (type) {
            case MONEY -> money(value, path);
            case NUMBER -> number(value, 0, 6, path);
            case DATE -> date(value);
            case DATE_TIME -> dateTime(value);
            case BOOLEAN -> bool(value);
            case LIST -> plain(value);
            case TEXT -> plain(value);
        };
    }

    private String plain(Object value) {
        if (value instanceof Collection<?> items) {
            return items.stream().map(item -> item == null ? "" : plain(item)).collect(Collectors.joining(", "));
        }
        return String.valueOf(value);
    }

    /**
     * A plain amount as a number with two decimals (templates name the currency themselves, "#amount
     * Euros"); an amount given with its currency ({@code {"amount": 12.5, "currency": "EUR"}}) in the
     * locale's currency format ("€12.50", "12,50 €").
     */
    private String money(Object value, List<String> path) {
        if (value instanceof Map<?, ?> money && money.containsKey("amount")) {
            BigDecimal amount = decimal(money.get("amount"));
            Currency currency = currency(money.get("currency"));
            if (amount == null) {
                return plain(money.get("amount"));
            }
            if (currency == null) {
                return number(amount, 2, 2, path);
            }
            NumberFormat format = numberFormat(locale, true, 0, 0);
            format.setCurrency(currency);
            format.setMinimumFractionDigits(currency.getDefaultFractionDigits() < 0 ? 2 : currency.getDefaultFractionDigits());
            format.setMaximumFractionDigits(format.getMinimumFractionDigits());
            refuseAbsurdNumber(path, amount);
            return format.format(displayed(amount, format.getMaximumFractionDigits()));
        }
        return number(value, 2, 2, path);
    }

    private static Currency currency(Object code) {
        if (!(code instanceof String text) || text.isBlank()) {
            return null;
        }
        try {
            return Currency.getInstance(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private String number(Object value, int minFraction, int maxFraction, List<String> path) {
        BigDecimal number = decimal(value);
        if (number == null) {
            return plain(value);
        }
        refuseAbsurdNumber(path, number);
        return numberFormat(locale, false, minFraction, maxFraction).format(displayed(number, maxFraction));
    }

    /** Integer digits a number to be shown may have, and fraction digits it may carry in. */
    public static final int MAX_DIGITS = 100;

    private static void refuseAbsurdNumber(List<String> path, Object value) {
        long digits;
        if (value instanceof BigDecimal d) {
            digits = integerDigits(d);
        } else if (value instanceof BigInteger i) {
            // log10(2) < 0.302: an upper bound of the digits without converting
            digits = (long) (i.bitLength() * 0.302) + 1;
        } else {
            return;
        }
        if (digits > MAX_DIGITS) {
            String name = path == null ? "a number" : "#" + String.join(".", path);
            throw new SandboxViolation(name + " has " + digits
                    + " digits before the decimal point; numbers of more than " + MAX_DIGITS
                    + " digits are not shown (check the event data)", 0, 0);
        }
    }

    /** Digits before the decimal point, from precision and scale alone (never by expanding the number). */
    private static long integerDigits(BigDecimal d) {
        return d.signum() == 0 ? 1 : (long) d.precision() - d.scale();
    }

    /**
     * The number rounded to what a format shows, so no format expands {@code 1e-999999999} into a
     * billion zeros: a far smaller fraction than shown is zero.
     */
    private static BigDecimal displayed(BigDecimal number, int maxFraction) {
        if (number.scale() <= MAX_DIGITS) {
            return number;
        }
        long keep = integerDigits(number) + maxFraction + 1;
        if (keep <= 0) {
            return BigDecimal.ZERO;
        }
        return number.round(new MathContext((int) Math.min(keep, MAX_DIGITS + maxFraction + 1), RoundingMode.HALF_EVEN));
    }

    private static BigDecimal decimal(Object value) {
        if (value instanceof BigDecimal d) {
            return d;
        }
        if (value instanceof Number n) {
            return n instanceof Double || n instanceof Float ? BigDecimal.valueOf(n.doubleValue())
                    : new BigDecimal(n.toString());
        }
        if (value instanceof String s) {
            try {
                return new BigDecimal(s.trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private String date(Object value) {
        DateTimeFormatter format = dateFormat(locale);
        TemporalAccessor parsed = temporal(value);
        if (parsed instanceof LocalDate d) {
            return format.format(d);
        }
        if (parsed instanceof ZonedDateTime z) {
            return format.format(zone == null ? z : z.withZoneSameInstant(zone));
        }
        if (parsed instanceof LocalDateTime t) {
            return format.format(t.toLocalDate());
        }
        return plain(value);
    }

    /** Medium date with a short time: seconds mean nothing in an appointment. */
    private String dateTime(Object value) {
        DateTimeFormatter format = dateTimeFormat(locale);
        TemporalAccessor parsed = temporal(value);
        if (parsed instanceof ZonedDateTime z) {
            return format.format(zone == null ? z : z.withZoneSameInstant(zone));
        }
        if (parsed instanceof LocalDateTime t) {
            return format.format(t);
        }
        if (parsed instanceof LocalDate d) {
            return dateFormat(locale).format(d);
        }
        return plain(value);
    }

    private String bool(Object value) {
        Boolean b = value instanceof Boolean v ? v
                : value instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))
                        ? Boolean.valueOf(s) : null;
        if (b == null) {
            return plain(value);
        }
        String[] words = YES_NO.get(locale.getLanguage());
        return words == null ? b.toString() : words[b ? 0 : 1];
    }

    /**
     * A date or date-time as {@link LocalDate}, {@link LocalDateTime} or {@link ZonedDateTime}
     * (offsets become fixed zones), from java.time values or ISO-8601 strings; null otherwise.
     */
    /** An offset ({@code Z}, {@code +02:00}, {@code -05:00}) or a zone ({@code [Europe/Kyiv]}) after the time. */
    private static boolean hasZone(String text, int timeStart) {
        for (int i = timeStart + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 'Z' || c == 'z' || c == '+' || c == '-' || c == '[') {
                return true;
            }
        }
        return false;
    }

    static TemporalAccessor temporal(Object value) {
        if (value instanceof ZonedDateTime || value instanceof LocalDateTime || value instanceof LocalDate) {
            return (TemporalAccessor) value;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toZonedDateTime();
        }
        if (value instanceof java.time.Instant i) {
            return i.atZone(ZoneOffset.UTC);
        }
        if (!(value instanceof String s)) {
            return null;
        }
        String text = s.trim();
        // the shape decides which parse to try first: a failed parse costs an exception
        int t = text.indexOf('T');
        if (t < 0 && text.length() == 10) {
            try {
                return LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE);
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        if (t > 0 && !hasZone(text, t)) {
            try {
                return LocalDateTime.parse(text, DateTimeFormatter.ISO_LOCAL_DATE_TIME);
            } catch (DateTimeParseException e) {
                // tried the other forms below
            }
        }
        try {
            return ZonedDateTime.parse(text, DateTimeFormatter.ISO_DATE_TIME);
        } catch (DateTimeParseException e) {
            // not a date-time with an offset or zone; try the local forms
        }
        try {
            return LocalDateTime.parse(text, DateTimeFormatter.ISO_LOCAL_DATE_TIME);
        } catch (DateTimeParseException e) {
            // nor a local date-time
        }
        try {
            return LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static ZoneId zoneOf(Object value) {
        return temporal(value) instanceof ZonedDateTime z ? z.getZone() : ZoneOffset.UTC;
    }

    /** The recipient's zone from {@code contact_information.time_zone}, null when absent or unknown. */
    public static ZoneId recipientZone(Map<String, Object> data) {
        if (data.get("contact_information") instanceof Map<?, ?> contact
                && contact.get("time_zone") instanceof String name && !name.isBlank()) {
            try {
                return ZoneId.of(name.trim());
            } catch (DateTimeException e) {
                return null;
            }
        }
        return null;
    }
}
