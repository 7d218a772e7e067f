package io.tidings.channel.smtp;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * How one SMTP account signs its mail with DKIM (RFC 6376): the signing domain ({@code d=}), the
 * selector ({@code s=}) whose DNS record holds the public key, the PKCS#8 PEM private key file
 * (RSA of at least 1024 bits, 2048 recommended, or Ed25519 as RFC 8463 has it) and the header
 * fields signed, in the order given.
 */
public record DkimSettings(String domain, String selector, Path keyFile, List<String> headers) {

    /** The fields signed unless configured otherwise; those a message lacks are left out of its signature. */
    public static final List<String> DEFAULT_HEADERS = List.of("From", "Reply-To", "To", "Cc", "Subject", "Date",
            "Message-ID", "MIME-Version", "Content-Type", "Content-Transfer-Encoding", "Content-Language",
            "List-Unsubscribe", "List-Unsubscribe-Post");

    /** @throws IllegalArgumentException naming the configuration key at fault */
    public DkimSettings {
        if (domain == null || !domain.strip().matches("[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)+")) {
            throw new IllegalArgumentException("dkimDomain: must be a domain name such as example.com, was '" + domain + "'");
        }
        if (selector == null || !selector.strip().matches("[A-Za-z0-9]([A-Za-z0-9._-]*[A-Za-z0-9])?")) {
            throw new IllegalArgumentException("dkimSelector: must be a selector such as mail2026, was '" + selector + "'");
        }
        if (keyFile == null) {
            throw new IllegalArgumentException("dkimKeyFile: is required with dkimDomain and dkimSelector");
        }
        domain = domain.strip().toLowerCase(Locale.ROOT);
        selector = selector.strip();
        headers = headers == null || headers.isEmpty() ? DEFAULT_HEADERS
                : headers.stream().map(String::strip).filter(h -> !h.isEmpty()).toList();
        if (headers.stream().noneMatch(h -> h.equalsIgnoreCase("From"))) {
            throw new IllegalArgumentException("dkimHeaders: must include From (RFC 6376 5.4), was " + headers);
        }
        for (String h : headers) {
            if (!h.matches("[!-9;-~]+")) {
                throw new IllegalArgumentException("dkimHeaders: '" + h + "' is not a header field name");
            }
        }
    }

    /**
     * The settings of the configuration keys; null when none of the three is set.
     *
     * @throws IllegalArgumentException when only some are set, naming the missing key
     */
    static DkimSettings of(String domain, String selector, String keyFile, String[] headers) {
        boolean d = domain != null && !domain.isBlank();
        boolean s = selector != null && !selector.isBlank();
        boolean k = keyFile != null && !keyFile.isBlank();
        if (!d && !s && !k) {
            return null;
        }
        if (!d || !s || !k) {
            throw new IllegalArgumentException((!d ? "dkimDomain" : !s ? "dkimSelector" : "dkimKeyFile")
                    + ": is required when any of dkimDomain, dkimSelector and dkimKeyFile is set");
        }
        return new DkimSettings(domain, selector, Path.of(keyFile.strip()),
                headers == null ? null : List.of(headers).stream().flatMap(h -> List.of(h.split("[,:]")).stream()).toList());
    }
}
