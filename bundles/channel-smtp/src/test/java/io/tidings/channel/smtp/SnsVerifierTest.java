package io.tidings.channel.smtp;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.net.http.HttpClient;

import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * SNS signatures checked by the real verification code against a self-signed certificate that a
 * real HTTPS server serves (allowed by the test-only certificate prefix).
 */
public class SnsVerifierTest {

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private SnsTestTopic topic;
    private SnsVerifier verifier;

    @Before
    public void topic() throws Exception {
        topic = new SnsTestTopic(folder.getRoot().toPath());
        verifier = new SnsVerifier(topic.prefix(), topic.client());
    }

    @After
    public void close() {
        topic.close();
    }

    @Test
    public void bothSignatureVersionsVerifyAndTheCertificateIsFetchedOnce() throws Exception {
        assertNull(verifier.refusal(topic.notification("{\"notificationType\":\"Bounce\"}", 1)));
        assertNull(verifier.refusal(topic.notification("{\"notificationType\":\"Complaint\"}", 2)));
        assertNull(verifier.refusal(topic.confirmation("https://sns.eu-north-1.amazonaws.com/?Action=ConfirmSubscription")));
        assertEquals("kept once fetched", 1, topic.fetches());
    }

    @Test
    public void aChangedMessageOrAnotherVersionDoesNotVerify() throws Exception {
        ObjectNode signed = topic.notification("{\"notificationType\":\"Bounce\"}", 2);
        ObjectNode changed = signed.deepCopy().put("Message", "{\"notificationType\":\"Complaint\"}");
        assertEquals("the signature does not verify", verifier.refusal(changed));
        assertEquals("the signature does not verify", verifier.refusal(signed.deepCopy().put("SignatureVersion", "1")));
        assertEquals("SignatureVersion must be 1 or 2", verifier.refusal(signed.deepCopy().put("SignatureVersion", "3")));
        assertEquals("a field the signature covers (or the Signature) is missing",
                verifier.refusal(signed.deepCopy().without("Timestamp")));
    }

    @Test
    public void certificatesComeOnlyFromAmazonsSnsAddressesWithoutATestPrefix() throws Exception {
        SnsVerifier production = new SnsVerifier("", HttpClient.newHttpClient());
        assertEquals("SigningCertURL is not an https://sns.<region>.amazonaws.com/….pem address",
                production.refusal(topic.notification("{}", 2)));
        assertEquals("nothing was fetched for it", 0, topic.fetches());
        assertTrue(production.allowed("https://sns.eu-north-1.amazonaws.com/SimpleNotificationService-01d088a6f77103d0fe307c0069e40ed6.pem"));
        assertTrue(production.allowed("https://sns.cn-north-1.amazonaws.com.cn/SimpleNotificationService-x.pem"));
        for (String url : new String[] {"http://sns.eu-north-1.amazonaws.com/a.pem",
                "https://sns.eu-north-1.amazonaws.com.evil.example/a.pem", "https://sns.eu-north-1.amazonaws.com@evil.example/a.pem",
                "https://sns.eu-north-1.amazonaws.com:8443/a.pem", "https://evil.example/sns.eu-north-1.amazonaws.com/a.pem",
                "https://sns.eu-north-1.amazonaws.com/a.pem?x=1", "https://s3.amazonaws.com/a.pem"}) {
            assertFalse(url, production.allowed(url));
        }
    }

    @Test
    public void aTestPrefixMustBeAnHttpsAddress() {
        try {
            SnsVerifier.checkTestPrefix("http://127.0.0.1/");
            throw new AssertionError("accepted");
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage(), e.getMessage().startsWith("sesTestCertificatePrefix: must be an https:// address"));
        }
    }
}
