package io.tidings.core.dispatch;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

import io.tidings.core.dispatch.AttachmentResolver.AttachmentException;

/**
 * Fetches one attachment URL with a plain HTTP/1.1 GET on a socket of its own. Java 17's
 * {@code HttpClient} and {@code HttpURLConnection} look the host up again when they connect and
 * refuse a {@code Host} header set by hand (short of JVM-wide properties), so a DNS answer could
 * change between the check and the connection; here the socket goes to the very address
 * {@link AddressPolicy} checked, with the URL's host in {@code Host}, in SNI and in certificate
 * verification. Redirects are followed here, each hop checked again; one deadline covers every
 * hop, body included, and the size cap is enforced while reading.
 */
final class AttachmentFetcher {

    record Fetched(byte[] bytes, String contentType) {
    }

    static final int MAX_REDIRECTS = 3;

    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
    private static final int MAX_HEADER_LINE = 8 * 1024;
    private static final int MAX_HEADERS = 100;

    private final AddressPolicy policy;
    private final long maxBytes;
    private final Duration timeout;

    AttachmentFetcher(AddressPolicy policy, long maxBytes, Duration timeout) {
        this.policy = policy;
        this.maxBytes = maxBytes;
        this.timeout = timeout;
    }

    /** @param name the attachment, as messages name it */
    Fetched fetch(String url, String name) throws AttachmentException {
        long deadline = System.nanoTime() + timeout.toNanos();
        URI uri = parse(url, name);
        for (int redirects = 0;; redirects++) {
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                throw new AttachmentException(name + ": " + shown(uri) + " is not an http or https URL", false);
            }
            if (uri.getHost() == null) {
                throw new AttachmentException(name + ": " + shown(uri) + " names no host", false);
            }
            InetAddress address;
            try {
                address = policy.check(uri.getHost());
            } catch (AddressPolicy.Refused e) {
                String resolved = e.address.getHostAddress().equalsIgnoreCase(bare(uri.getHost())) ? ""
                        : " (" + e.address.getHostAddress() + ")";
                throw new AttachmentException(name + ": " + shown(uri) + " is an internal address" + resolved + " ("
                        + e.range + "); allow it with attachmentAllowedHosts", false);
            } catch (UnknownHostException e) {
                throw new AttachmentException(name + ": the host of " + shown(uri) + " is unknown", true);
            }
            Response response = get(uri, scheme.equals("https"), address, deadline, name);
            if (!REDIRECTS.contains(response.status)) {
                return new Fetched(response.body, response.headers.get("content-type"));
            }
            String location = response.headers.get("location");
            if (location == null || location.isBlank()) {
                throw new AttachmentException(name + ": " + shown(uri) + " answered HTTP " + response.status
                        + " without a Location", false);
            }
            if (redirects == MAX_REDIRECTS) {
                throw new AttachmentException(name + ": " + shown(uri) + " redirects more than " + MAX_REDIRECTS
                        + " times", false);
            }
            try {
                uri = uri.resolve(URI.create(location.trim()));
            } catch (IllegalArgumentException e) {
                throw new AttachmentException(name + ": " + shown(uri) + " redirects to an invalid URL", false);
            }
        }
    }

    private record Response(int status, Map<String, String> headers, byte[] body) {
    }

    private Response get(URI uri, boolean https, InetAddress address, long deadline, String name)
            throws AttachmentException {
        int port = uri.getPort() != -1 ? uri.getPort() : https ? 443 : 80;
        String host = bare(uri.getHost());
        try (Socket plain = new Socket()) {
            plain.connect(new InetSocketAddress(address, port), (int) Math.max(1, remainingMillis(deadline)));
            Socket socket = plain;
            if (https) {
                SSLSocketFactory factory = (SSLSocketFactory) SSLSocketFactory.getDefault();
                SSLSocket tls = (SSLSocket) factory.createSocket(plain, host, port, true);
                SSLParameters parameters = tls.getSSLParameters();
                parameters.setEndpointIdentificationAlgorithm("HTTPS");
                if (!host.contains(":") && !host.matches("[0-9.]+")) {
                    parameters.setServerNames(List.of(new SNIHostName(host)));
                }
                tls.setSSLParameters(parameters);
                tls.setSoTimeout((int) Math.max(1, remainingMillis(deadline)));
                tls.startHandshake();
                socket = tls;
            }
            String target = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                    + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            String request = "GET " + target + " HTTP/1.1\r\nHost: " + uri.getHost()
                    + (uri.getPort() == -1 ? "" : ":" + port) + "\r\nUser-Agent: Tidings\r\nAccept: */*\r\n"
                    + "Accept-Encoding: identity\r\nConnection: close\r\n\r\n";
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = new BufferedInputStream(new DeadlineInputStream(socket, deadline));
            return read(in, uri, name);
        } catch (SocketTimeoutException e) {
            throw new AttachmentException(name + ": fetching " + shown(uri) + " took longer than "
                    + timeout.toSeconds() + " s", true);
        } catch (IOException e) {
            throw new AttachmentException(name + ": fetching " + shown(uri) + " failed: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()), true);
        }
    }

    private Response read(InputStream in, URI uri, String name) throws IOException, AttachmentException {
        String statusLine = line(in);
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/") || !parts[1].matches("\\d{3}")) {
            throw new IOException("not an HTTP answer");
        }
        int status = Integer.parseInt(parts[1]);
        Map<String, String> headers = new HashMap<>();
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            int colon = header.indexOf(':');
            if (colon > 0) {
                headers.putIfAbsent(header.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        header.substring(colon + 1).trim());
            }
            if (headers.size() > MAX_HEADERS) {
                throw new IOException("too many headers");
            }
        }
        if (REDIRECTS.contains(status)) {
            return new Response(status, headers, new byte[0]);
        }
        if (status == 429 || status >= 500) {
            throw new AttachmentException(name + ": " + shown(uri) + " answered HTTP " + status, true);
        }
        if (status < 200 || status >= 300) {
            throw new AttachmentException(name + ": " + shown(uri) + " answered HTTP " + status, false);
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        String transfer = headers.getOrDefault("transfer-encoding", "").toLowerCase(Locale.ROOT);
        String length = headers.get("content-length");
        if (transfer.contains("chunked")) {
            for (long size = chunkSize(line(in)); size > 0; size = chunkSize(line(in))) {
                copy(in, body, size, uri, name);
                line(in);
            }
        } else if (length != null) {
            long declared = Long.parseLong(length.trim());
            if (declared > maxBytes) {
                throw tooLarge(uri, name);
            }
            copy(in, body, declared, uri, name);
        } else {
            copy(in, body, Long.MAX_VALUE, uri, name);
        }
        return new Response(status, headers, body.toByteArray());
    }

    /** Copies up to {@code count} bytes (to the end for {@code Long.MAX_VALUE}), failing once past the cap. */
    private void copy(InputStream in, ByteArrayOutputStream body, long count, URI uri, String name)
            throws IOException, AttachmentException {
        byte[] buffer = new byte[8192];
        long left = count;
        while (left > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                if (count == Long.MAX_VALUE) {
                    return;
                }
                throw new IOException("the body ended early");
            }
            if (body.size() + (long) n > maxBytes) {
                throw tooLarge(uri, name);
            }
            body.write(buffer, 0, n);
            left -= n;
        }
    }

    private AttachmentException tooLarge(URI uri, String name) {
        return new AttachmentException(name + ": " + shown(uri) + " is larger than " + maxBytes + " bytes", false);
    }

    private static long chunkSize(String line) throws IOException {
        String hex = line.split(";", 2)[0].trim();
        try {
            long size = Long.parseLong(hex, 16);
            if (size < 0) {
                throw new NumberFormatException();
            }
            return size;
        } catch (NumberFormatException e) {
            throw new IOException("a malformed chunk");
        }
    }

    /** A header line without its CR LF, ASCII (Latin-1 for the odd server that sends more). */
    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("the answer ended early");
            }
            if (line.length() >= MAX_HEADER_LINE) {
                throw new IOException("a header line too long");
            }
            line.append((char) c);
        }
        int end = line.length();
        return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
    }

    private static URI parse(String url, String name) throws AttachmentException {
        try {
            return URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new AttachmentException(name + ": the URL is not valid", false);
        }
    }

    /**
     * A URL as messages show it: scheme, host and port only. Its path and query may carry the
     * recipient's data (an order number, an address, a token), which a status reason must not.
     */
    static String shown(URI uri) {
        String origin = (uri.getScheme() == null ? "" : uri.getScheme() + "://")
                + (uri.getHost() == null ? "" : uri.getHost()) + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
        boolean more = uri.getRawPath() != null && !uri.getRawPath().isEmpty() && !uri.getRawPath().equals("/")
                || uri.getRawQuery() != null;
        return origin + (more ? "/…" : "/");
    }

    private static String bare(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    private static long remainingMillis(long deadline) {
        return DeadlineInputStream.remainingMillis(deadline);
    }
}
