package io.tidings.api;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How a message reaches a person: a name such as {@code EMAIL}, {@code SMS}, {@code WEBHOOK} or any
 * other that a channel bundle declares ({@code WHATSAPP}, {@code PUSH}). Equal by name; the built-in
 * media are constants, any other is made with {@link #of(String)}.
 *
 * <p>Until api 2.0 this was an enum of {@code EMAIL} and {@code SMS}. {@link #name()},
 * {@link #valueOf(String)} and {@code ==} on the constants keep working ({@link #of} returns the
 * constant for a built-in name); a {@code switch} over the enum and {@code EnumSet}/{@code EnumMap}
 * of it must become comparisons and plain sets and maps.
 */
public final class Medium implements Comparable<Medium> {

    /** What a medium name may be (a regular expression): upper-case letters, digits and {@code _}. */
    public static final String NAME_PATTERN = "[A-Z][A-Z0-9_]{0,31}";
    private static final Pattern NAME = Pattern.compile(NAME_PATTERN);

    /** Email: subject, HTML, text and files. */
    public static final Medium EMAIL = new Medium("EMAIL", ContentKind.EMAIL);
    /** SMS: text with the GSM-7/UCS-2 segment rule. */
    public static final Medium SMS = new Medium("SMS", ContentKind.TEXT);
    /** A signed JSON payload POSTed over HTTP (the built-in webhook channel). */
    public static final Medium WEBHOOK = new Medium("WEBHOOK", ContentKind.STRUCTURED);

    private final String name;
    /** The kind of a built-in medium, null for one a channel declares. */
    private final ContentKind builtInKind;

    private Medium(String name, ContentKind builtInKind) {
        this.name = name;
        this.builtInKind = builtInKind;
    }

    /**
     * The medium of that name: the constant for {@code EMAIL}, {@code SMS} and {@code WEBHOOK}.
     *
     * @throws IllegalArgumentException naming the value when it is not a medium name
     *                                  ({@value #NAME_PATTERN})
     */
    public static Medium of(String name) {
        if (name == null) {
            throw new IllegalArgumentException("a medium name is required (upper-case letters, digits and _, such as EMAIL, SMS or PUSH)");
        }
        return switch (name) {
            case "EMAIL" -> EMAIL;
            case "SMS" -> SMS;
            case "WEBHOOK" -> WEBHOOK;
            default -> {
                if (!NAME.matcher(name).matches()) {
                    throw new IllegalArgumentException("'" + shorten(name) + "' is not a medium name: it must be 1 to 32 "
                            + "upper-case letters, digits and _, starting with a letter (such as EMAIL, SMS or PUSH)");
                }
                yield new Medium(name, null);
            }
        };
    }

    /** As {@link #of}, after trimming and upper-casing what a person typed ({@code " push"} → {@code PUSH}). */
    public static Medium parse(String text) {
        return of(text == null ? null : text.trim().toUpperCase(Locale.ROOT));
    }

    /** Kept from the enum: the same as {@link #of}. */
    public static Medium valueOf(String name) {
        return of(name);
    }

    /** Whether the text is a valid medium name as it stands. */
    public static boolean isName(String text) {
        return text != null && NAME.matcher(text).matches();
    }

    public String name() {
        return name;
    }

    /** The content kind of a built-in medium; empty for one that its channel declares. */
    public Optional<ContentKind> builtInKind() {
        return Optional.ofNullable(builtInKind);
    }

    /** Whether this is one of the built-in media ({@code EMAIL}, {@code SMS}, {@code WEBHOOK}). */
    public boolean isBuiltIn() {
        return builtInKind != null;
    }

    @Override
    public int compareTo(Medium other) {
        return name.compareTo(other.name);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Medium m && m.name.equals(name);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    @Override
    public String toString() {
        return name;
    }

    private static String shorten(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
