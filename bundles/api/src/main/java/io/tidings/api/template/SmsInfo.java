package io.tidings.api.template;

/**
 * How a rendered SMS travels: GSM-7 fits 160 characters in one part (153 per part when split),
 * UCS-2 70 (67 per part), and a GSM-7 extension character ({@code € [ ] { } ~ ^ \ |}) counts twice.
 *
 * @param encoding   {@code GSM-7} or {@code UCS-2}
 * @param characters GSM-7 septets, or UTF-16 code units for UCS-2
 * @param parts      the number of SMS the text is sent as
 */
public record SmsInfo(String encoding, int characters, int parts) {

    public static final String GSM_7 = "GSM-7";
    public static final String UCS_2 = "UCS-2";
}
