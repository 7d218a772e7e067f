package io.tidings.channel.smtp;

import java.io.FileInputStream;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

/**
 * A stand-in for an SNS topic in tests: a self-signed RSA certificate made by the JDK's keytool,
 * served over HTTPS by the JDK's server at {@link #certificateUrl()}, and messages signed with its key
 * as SNS signs them.
 */
final class SnsTestTopic implements AutoCloseable {

    static final String PASSWORD = "changeit";
    private final HttpsServer server;
    private final SSLContext tls;
    private final PrivateKey key;
    private final AtomicInteger fetches = new AtomicInteger();

    SnsTestTopic(Path directory) throws Exception {
        Path store = directory.resolve("sns-test.p12");
        Process keytool = new ProcessBuilder("keytool", "-genkeypair", "-alias", "sns", "-keyalg", "RSA", "-keysize",
                "2048", "-dname", "CN=sns.test", "-ext", "san=ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12",
                "-keystore", store.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD).redirectErrorStream(true)
                .start();
        String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (keytool.waitFor() != 0) {
            throw new IllegalStateException("keytool failed: " + output);
        }
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = new FileInputStream(store.toFile())) {
            keys.load(in, PASSWORD.toCharArray());
        }
        key = (PrivateKey) keys.getKey("sns", PASSWORD.toCharArray());
        X509Certificate certificate = (X509Certificate) keys.getCertificate("sns");
        byte[] pem = ("-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(certificate.getEncoded()) + "\n-----END CERTIFICATE-----\n").getBytes(StandardCharsets.US_ASCII);
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, PASSWORD.toCharArray());
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(keys);
        tls = SSLContext.getInstance("TLS");
        tls.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        server.createContext("/SimpleNotificationService-test.pem", exchange -> {
            fetches.incrementAndGet();
            exchange.sendResponseHeaders(200, pem.length);
            exchange.getResponseBody().write(pem);
            exchange.close();
        });
        server.start();
        Files.delete(store);
    }

    String prefix() {
        return "https://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    String certificateUrl() {
        return prefix() + "SimpleNotificationService-test.pem";
    }

    /** A client that trusts the test server's certificate, as the JDK's trusts Amazon's. */
    HttpClient client() {
        return HttpClient.newBuilder().sslContext(tls).build();
    }

    int fetches() {
        return fetches.get();
    }

    /** An SNS notification carrying {@code message}, signed with SignatureVersion 1 or 2. */
    ObjectNode notification(String message, int version) throws Exception {
        ObjectNode sns = new ObjectMapper().createObjectNode();
        sns.put("Type", "Notification");
        sns.put("MessageId", "22b80b92-fdea-4c2c-8f9d-bdfb0c7bf324");
        sns.put("TopicArn", "arn:aws:sns:eu-north-1:123456789012:ses-bounces");
        sns.put("Message", message);
        sns.put("Timestamp", "2026-12-07T19:00:00.000Z");
        return sign(sns, version);
    }

    /** A subscription confirmation asking to open {@code subscribeUrl}, signed with SignatureVersion 2. */
    ObjectNode confirmation(String subscribeUrl) throws Exception {
        ObjectNode sns = new ObjectMapper().createObjectNode();
        sns.put("Type", "SubscriptionConfirmation");
        sns.put("MessageId", "165545c9-2a5c-472c-8df2-7ff2be2b3b1b");
        sns.put("Token", "2336412f37fb687f5d51e6e241d09c805a5a57b30d712f794cc5f6a988666d92768dd60a747ba6f3beb71854e285d6ad02428b09ceece29417f1f02d609c582afbacc99c583a916b9981dd2728f4ae6fdb82efd087cc3b7849e05798d2d2785c03b0879594eeac82c01f235d0e717736");
        sns.put("TopicArn", "arn:aws:sns:eu-north-1:123456789012:ses-bounces");
        sns.put("Message", "You have chosen to subscribe to the topic arn:aws:sns:eu-north-1:123456789012:ses-bounces.");
        sns.put("SubscribeURL", subscribeUrl);
        sns.put("Timestamp", "2026-12-07T19:00:00.000Z");
        return sign(sns, 2);
    }

    private ObjectNode sign(ObjectNode sns, int version) throws Exception {
        sns.put("SignatureVersion", Integer.toString(version));
        sns.put("SigningCertURL", certificateUrl());
        Signature rsa = Signature.getInstance(version == 1 ? "SHA1withRSA" : "SHA256withRSA");
        rsa.initSign(key);
        rsa.update(SnsVerifier.stringToSign(sns).getBytes(StandardCharsets.UTF_8));
        sns.put("Signature", Base64.getEncoder().encodeToString(rsa.sign()));
        return sns;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
