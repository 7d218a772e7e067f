package io.tidings.channel.smtp;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Checks the signature of an Amazon SNS message (SignatureVersion 1: SHA1withRSA, 2: SHA256withRSA)
 * with the certificate it names, fetched only from {@code https://sns.<region>.amazonaws.com/….pem}
 * (or, for tests only, from a configured prefix) and kept once fetched.
 */
final class SnsVerifier {

    private static final Pattern AWS_CERTIFICATE = Pattern.compile(
            "https://sns\\.[a-z0-9-]+\\.amazonaws\\.com(\\.cn)?/[A-Za-z0-9._/-]+\\.pem");
    private static final int MAX_CERTIFICATE = 64 * 1024;
    private static final int MAX_CACHED = 32;
    private static final List<String> NOTIFICATION = List.of("Message", "MessageId", "Subject", "Timestamp", "TopicArn",
            "Type");
    private static final List<String> CONFIRMATION = List.of("Message", "MessageId", "SubscribeURL", "Timestamp",
            "Token", "TopicArn", "Type");

    private final String testPrefix;
    private final HttpClient client;
    private final Map<String, X509Certificate> certificates = new ConcurrentHashMap<>();

    /**
     * @param testPrefix for tests only: certificates may also come from addresses starting with it; null for none
     * @param client     fetches the certificates
     */
    SnsVerifier(String testPrefix, HttpClient client) {
        this.testPrefix = testPrefix == null || testPrefix.isBlank() ? null : testPrefix.strip();
        this.client = client;
    }

    static HttpClient client() {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /**
     * @throws IllegalArgumentException naming {@code sesTestCertificatePrefix} when it is not an https address
     */
    static String checkTestPrefix(String prefix) {
        if (prefix != null && !prefix.isBlank() && !prefix.strip().startsWith("https://")) {
            throw new IllegalArgumentException("sesTestCertificatePrefix: must be an https:// address (tests only), was '"
                    + prefix + "'");
        }
        return prefix;
    }

    /** @return null when the message is signed by the certificate it names; else why not, in words */
    String refusal(JsonNode message) {
        String version = text(message, "SignatureVersion");
        String algorithm = "1".equals(version) ? "SHA1withRSA" : "2".equals(version) ? "SHA256withRSA" : null;
        if (algorithm == null) {
            return "SignatureVersion must be 1 or 2";
        }
        String url = text(message, "SigningCertURL");
        if (!allowed(url)) {
            return "SigningCertURL is not an https://sns.<region>.amazonaws.com/….pem address";
        }
        String signed = stringToSign(message);
        String signature = text(message, "Signature");
        if (signed == null || signature == null) {
            return "a field the signature covers (or the Signature) is missing";
        }
        try {
            Signature rsa = Signature.getInstance(algorithm);
            rsa.initVerify(certificate(url).getPublicKey());
            rsa.update(signed.getBytes(StandardCharsets.UTF_8));
            return rsa.verify(Base64.getDecoder().decode(signature)) ? null : "the signature does not verify";
        } catch (IOException e) {
            return "the signing certificate cannot be fetched (" + e.getClass().getSimpleName() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted while fetching the signing certificate";
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return "the signature does not verify (" + e.getClass().getSimpleName() + ")";
        }
    }

    boolean allowed(String url) {
        if (url == null) {
            return false;
        }
        return AWS_CERTIFICATE.matcher(url).matches() || testPrefix != null && url.startsWith(testPrefix);
    }

    /** The fields the signature covers, {@code name\nvalue\n} each, in SNS's order; null when one is missing. */
    static String stringToSign(JsonNode message) {
        String type = text(message, "Type");
        List<String> fields = "Notification".equals(type) ? NOTIFICATION : CONFIRMATION;
        StringBuilder signed = new StringBuilder();
        for (String field : fields) {
            String value = message.hasNonNull(field) ? message.get(field).asText() : null;
            if (value == null) {
                if ("Subject".equals(field)) {
                    continue;
                }
                return null;
            }
            signed.append(field).append('\n').append(value).append('\n');
        }
        return signed.toString();
    }

    private X509Certificate certificate(String url) throws IOException, InterruptedException, GeneralSecurityException {
        X509Certificate known = certificates.get(url);
        if (known != null) {
            known.checkValidity();
            return known;
        }
        HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200 || response.body().length > MAX_CERTIFICATE) {
            throw new IOException("status " + response.statusCode());
        }
        X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(response.body()));
        certificate.checkValidity();
        if (certificates.size() >= MAX_CACHED) {
            certificates.clear();
        }
        certificates.put(url, certificate);
        return certificate;
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() || value.asText().isBlank() ? null : value.asText();
    }
}
