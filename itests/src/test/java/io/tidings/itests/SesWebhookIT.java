package io.tidings.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.File;
import java.io.FileInputStream;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Duration;
import java.util.Base64;
import java.util.Hashtable;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import org.junit.AfterClass;
import org.junit.Before;
import org.junit.Test;
import org.ops4j.pax.exam.Option;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

/**
 * Amazon SES notifications over SNS in a real Karaf: a signed permanent bounce moves the message to
 * BOUNCED and suppresses the address, a signed complaint suppresses marketing, a forged one changes
 * nothing. The signing certificate is self-made (keytool), served by an HTTPS server in the test and
 * allowed by the channel's test-only {@code sesTestCertificatePrefix}; the container trusts it as
 * the JDK trusts Amazon's, so the channel's own fetching and verification run.
 */
public class SesWebhookIT extends SmtpTestSupport {

    private static final String PASSWORD = "changeit";
    private static final String KEYSTORE = "tidings.it.sns.keystore";
    private static HttpsServer certificates;
    private static PrivateKey key;

    @Override
    protected String[] features() {
        return new String[] {"tidings", "tidings-channel-smtp", "tidings-webconsole"};
    }

    @Override
    protected Option[] options() {
        File store = new File("target/sns-it.p12").getAbsoluteFile();
        if (!store.exists()) {
            keytool(store);
        }
        return new Option[] {super.options()[0], systemProperty(KEYSTORE).value(store.getPath()),
                systemProperty("javax.net.ssl.trustStore").value(store.getPath()),
                systemProperty("javax.net.ssl.trustStorePassword").value(PASSWORD),
                systemProperty("javax.net.ssl.trustStoreType").value("PKCS12")};
    }

    private static void keytool(File store) {
        try {
            Process keytool = new ProcessBuilder("keytool", "-genkeypair", "-alias", "sns", "-keyalg", "RSA", "-keysize",
                    "2048", "-dname", "CN=sns.test", "-ext", "san=ip:127.0.0.1", "-validity", "2", "-storetype",
                    "PKCS12", "-keystore", store.getPath(), "-storepass", PASSWORD, "-keypass", PASSWORD)
                    .redirectErrorStream(true).start();
            String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (keytool.waitFor() != 0) {
                throw new IllegalStateException("keytool failed: " + output);
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Before
    public void certificateServerAndChannel() throws Exception {
        if (certificates == null) {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            try (InputStream in = new FileInputStream(System.getProperty(KEYSTORE))) {
                keys.load(in, PASSWORD.toCharArray());
            }
            key = (PrivateKey) keys.getKey("sns", PASSWORD.toCharArray());
            byte[] pem = ("-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder().encodeToString(
                    keys.getCertificate("sns").getEncoded()) + "\n-----END CERTIFICATE-----\n")
                    .getBytes(StandardCharsets.US_ASCII);
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keys, PASSWORD.toCharArray());
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(kmf.getKeyManagers(), null, null);
            certificates = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            certificates.setHttpsConfigurator(new HttpsConfigurator(tls));
            certificates.createContext("/SimpleNotificationService-it.pem", exchange -> {
                exchange.sendResponseHeaders(200, pem.length);
                exchange.getResponseBody().write(pem);
                exchange.close();
            });
            certificates.start();
        }
        if (smtp == null) {
            smtp = Mails.startSmtp();
        }
        org.osgi.service.cm.Configuration config = configurationAdmin
                .getFactoryConfiguration("io.tidings.channel.smtp", "ses", "?");
        if (config.getProperties() == null) {
            Hashtable<String, Object> props = new Hashtable<>();
            props.put("host", "127.0.0.1");
            props.put("port", smtp.getSmtp().getPort());
            props.put("from", "Boutique <noreply@boutique.example.fr>");
            props.put("sesWebhook", true);
            props.put("sesTestCertificatePrefix", "https://127.0.0.1:" + certificates.getAddress().getPort() + "/");
            props.put("channel.priority", 10);
            config.update(props);
        }
        await(() -> channel("smtp-ses") != null);
        awaitApi();
        for (String purpose : new String[] {"TRANSACTIONAL", "MARKETING"}) {
            String k = "ses-it-" + purpose.toLowerCase();
            Api.Response template = api().put("/templates/" + k, Api.json("{'key':'" + k + "','name':'x',"
                    + "'medium':'EMAIL','defaultLanguage':'fr','contents':{'fr':{'subject':'Commande #order.number',"
                    + "'text':'Bonjour #contact_information.name'}}}"));
            assertTrue(template.raw(), template.status() == 200 || template.status() == 201);
            Api.Response rule = api().put("/rules/" + k, Api.json("{'key':'" + k + "','name':'x','event':"
                    + "'order.ses_it','templates':['" + k + "'],'purpose':'" + purpose + "'}"));
            assertTrue(rule.raw(), rule.status() == 200 || rule.status() == 201);
        }
    }

    @AfterClass
    public static void stopCertificateServer() {
        if (certificates != null) {
            certificates.stop(0);
        }
    }

    @Test
    public void aSignedPermanentBounceIsAppliedAndAForgedOneRefused() throws Exception {
        String chloe = unique("chloe") + "@example.fr";
        String id = sent(chloe, "TRANSACTIONAL");
        String messageId = api().get("/communications/" + id).body().get("providerMessageId").asText();
        String bounce = "{'notificationType':'Bounce','bounce':{'bounceType':'Permanent','bounceSubType':'General',"
                + "'bouncedRecipients':[{'emailAddress':'" + chloe + "','status':'5.1.1','diagnosticCode':"
                + "'smtp; 550 5.1.1 user unknown'}]},'mail':{'commonHeaders':{'messageId':'" + messageId + "'}}}";

        ObjectNode forged = notification(bounce, 1).put("Message", Api.json(bounce).replace("5.1.1", "5.7.1"));
        HttpResponse<String> refused = post(forged);
        assertEquals(refused.body(), 403, refused.statusCode());
        assertEquals("SENT", status(id));

        HttpResponse<String> applied = post(notification(bounce, 1));
        assertEquals(applied.body(), 200, applied.statusCode());
        awaitStatus(id, Duration.ofSeconds(30), "BOUNCED");
        assertEquals("5.1.1 smtp; 550 5.1.1 user unknown", api().get("/communications/" + id).body()
                .get("statusReason").asText());
        assertEquals("ALL", api().get("/suppressions?address=" + chloe).body().get(0).get("scope").asText());

        // the Channels tab shows the bounce rate of the last 7 days, from the record
        String page = WebConsole.get("/tidings/channels", "viewer", "viewer").body();
        java.util.regex.Matcher rates = java.util.regex.Pattern.compile("smtp-ses</th>.*?<td class='tidings-rates'>"
                + "[0-9.]+ % bounced \\((\\d+) of (\\d+) sent\\), [0-9.]+ % complained \\((\\d+)\\)</td>").matcher(page);
        assertTrue(page, rates.find());
        assertTrue(rates.group(0), Integer.parseInt(rates.group(1)) >= 1);
    }

    @Test
    public void aSignedComplaintSuppressesMarketingAndAConfirmationIsAnswered() throws Exception {
        String louis = unique("louis") + "@example.fr";
        String id = sent(louis, "MARKETING");
        String messageId = api().get("/communications/" + id).body().get("providerMessageId").asText();
        HttpResponse<String> applied = post(notification("{'notificationType':'Complaint','complaint':{"
                + "'complainedRecipients':[{'emailAddress':'" + louis + "'}],'complaintFeedbackType':'abuse'},"
                + "'mail':{'commonHeaders':{'messageId':'" + messageId + "'}}}", 2));
        assertEquals(applied.body(), 200, applied.statusCode());
        JsonNode entry = api().get("/suppressions?address=" + louis).body().get(0);
        assertEquals("MARKETING", entry.get("scope").asText());
        assertEquals("complaint: abuse feedback report", entry.get("reason").asText());

        ObjectNode confirmation = new ObjectMapper().createObjectNode().put("Type", "SubscriptionConfirmation")
                .put("MessageId", unique("m")).put("Token", "2336412f37fb687f5d51e6e241d09c805a5a57b30d712f79")
                .put("TopicArn", "arn:aws:sns:eu-west-3:123456789012:ses-notifications")
                .put("Message", "You have chosen to subscribe to the topic.")
                .put("SubscribeURL", "https://sns.eu-west-3.amazonaws.com/?Action=ConfirmSubscription&Token=2336")
                .put("Timestamp", "2026-12-07T19:00:00.000Z");
        HttpResponse<String> answered = post(sign(confirmation, 2));
        assertEquals(answered.body(), 200, answered.statusCode());
    }

    private String sent(String email, String purpose) {
        Api.Response posted = api().post("/events", Api.json("{'id':'" + unique("e") + "','type':'order.ses_it',"
                + "'occurredAt':'2026-12-07T19:00:00+01:00','entity':{'type':'order','id':'" + unique("o") + "'},"
                + "'data':{'order':{'number':'12'},'contact_information':{'name':'Chloé','email':'" + email + "',"
                + "'preferred_language':'fr','consent':{'email':true,'marketing':true}}}}"));
        assertEquals(posted.raw(), 202, posted.status());
        for (JsonNode id : posted.body().get("communications")) {
            JsonNode c = api().get("/communications/" + id.asText()).body();
            if (c.get("rule").asText().endsWith(purpose.toLowerCase())) {
                awaitStatus(id.asText(), Duration.ofSeconds(60), "SENT");
                return id.asText();
            }
        }
        throw new AssertionError("no " + purpose + " message: " + posted.raw());
    }

    private static ObjectNode notification(String message, int version) throws Exception {
        return sign(new ObjectMapper().createObjectNode().put("Type", "Notification").put("MessageId", unique("m"))
                .put("TopicArn", "arn:aws:sns:eu-west-3:123456789012:ses-notifications").put("Message", Api.json(message))
                .put("Timestamp", "2026-12-07T19:00:00.000Z"), version);
    }

    /** Signs as SNS does: the covered fields as name and value lines, in order. */
    private static ObjectNode sign(ObjectNode sns, int version) throws Exception {
        String[] fields = "Notification".equals(sns.get("Type").asText())
                ? new String[] {"Message", "MessageId", "Timestamp", "TopicArn", "Type"}
                : new String[] {"Message", "MessageId", "SubscribeURL", "Timestamp", "Token", "TopicArn", "Type"};
        StringBuilder signed = new StringBuilder();
        for (String field : fields) {
            signed.append(field).append('\n').append(sns.get(field).asText()).append('\n');
        }
        Signature rsa = Signature.getInstance(version == 1 ? "SHA1withRSA" : "SHA256withRSA");
        rsa.initSign(key);
        rsa.update(signed.toString().getBytes(StandardCharsets.UTF_8));
        return sns.put("SignatureVersion", Integer.toString(version)).put("Signature",
                Base64.getEncoder().encodeToString(rsa.sign())).put("SigningCertURL",
                "https://127.0.0.1:" + certificates.getAddress().getPort() + "/SimpleNotificationService-it.pem");
    }

    private static HttpResponse<String> post(ObjectNode sns) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(httpUrl("/tidings/api/v1/callbacks/ses/smtp-ses")))
                .header("Content-Type", "text/plain; charset=UTF-8").POST(HttpRequest.BodyPublishers.ofString(sns.toString()))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void await(java.util.concurrent.Callable<Boolean> condition) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).until(condition);
    }
}
