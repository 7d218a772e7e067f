package io.tidings.rest.resource;

import static io.tidings.rest.resource.PrometheusText.labels;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import org.junit.Test;

import io.tidings.rest.resource.PrometheusText.Type;

public class PrometheusTextTest {

    @Test
    public void aFamilyHasHelpAndTypeThenItsSamplesInLabelOrder() {
        String text = new PrometheusText()
                .family("tidings_channel_up", Type.GAUGE, "Whether a channel can take messages.")
                .sample(labels("channel", "smtp-main", "medium", "EMAIL"), 1)
                .sample(labels("channel", "smpp-main", "medium", "SMS"), 0)
                .family("tidings_sent_total", Type.COUNTER, "Sent.").sample(12)
                .text();
        assertEquals("# HELP tidings_channel_up Whether a channel can take messages.\n"
                + "# TYPE tidings_channel_up gauge\n"
                + "tidings_channel_up{channel=\"smtp-main\",medium=\"EMAIL\"} 1\n"
                + "tidings_channel_up{channel=\"smpp-main\",medium=\"SMS\"} 0\n"
                + "# HELP tidings_sent_total Sent.\n"
                + "# TYPE tidings_sent_total counter\n"
                + "tidings_sent_total 12\n", text);
    }

    @Test
    public void labelValuesEscapeBackslashQuoteAndLineFeed() {
        String text = new PrometheusText().family("tidings_channel_up", Type.GAUGE, "h")
                .sample(labels("channel", "a\\b\"c\nd", "medium", "Пошта"), 1).text();
        assertEquals("tidings_channel_up{channel=\"a\\\\b\\\"c\\nd\",medium=\"Пошта\"} 1\n",
                text.substring(text.indexOf("tidings_channel_up{")));
    }

    @Test
    public void helpEscapesBackslashAndLineFeedButNotQuotes() {
        assertEquals("a \\\\ \"b\"\\nc", PrometheusText.help("a \\ \"b\"\nc"));
    }

    @Test
    public void valuesAreWholeWhereWholeAndSpelledAsPrometheusDoes() {
        assertEquals("3", PrometheusText.value(3));
        assertEquals("0.25", PrometheusText.value(0.25));
        assertEquals("NaN", PrometheusText.value(Double.NaN));
        assertEquals("+Inf", PrometheusText.value(Double.POSITIVE_INFINITY));
        assertEquals("-Inf", PrometheusText.value(Double.NEGATIVE_INFINITY));
    }

    @Test
    public void namesAndTypesAreChecked() {
        PrometheusText out = new PrometheusText();
        assertThrows(IllegalStateException.class, () -> out.sample(1));
        assertThrows(IllegalArgumentException.class, () -> out.family("tidings-up", Type.GAUGE, "h"));
        assertThrows("a counter ends in _total", IllegalArgumentException.class,
                () -> out.family("tidings_sent", Type.COUNTER, "h"));
        assertThrows("a gauge does not", IllegalArgumentException.class,
                () -> out.family("tidings_sent_total", Type.GAUGE, "h"));
        out.family("tidings_up", Type.GAUGE, "h");
        assertThrows(IllegalArgumentException.class, () -> out.sample(labels("bad-name", "x"), 1));
        assertThrows(IllegalArgumentException.class, () -> out.sample(labels("__reserved", "x"), 1));
    }

    @Test
    public void aHistogramHasCumulativeBucketsEndingInInfThenSumAndCount() {
        String text = new PrometheusText().family("tidings_send_latency_seconds", PrometheusText.Type.HISTOGRAM, "Latency.")
                .histogram(PrometheusText.labels("channel", "smtp-main"), java.util.List.of(0.1, 1.0),
                        java.util.List.of(2L, 3L), 1.75, 4).text();
        assertEquals("# HELP tidings_send_latency_seconds Latency.\n"
                + "# TYPE tidings_send_latency_seconds histogram\n"
                + "tidings_send_latency_seconds_bucket{channel=\"smtp-main\",le=\"0.1\"} 2\n"
                + "tidings_send_latency_seconds_bucket{channel=\"smtp-main\",le=\"1\"} 3\n"
                + "tidings_send_latency_seconds_bucket{channel=\"smtp-main\",le=\"+Inf\"} 4\n"
                + "tidings_send_latency_seconds_sum{channel=\"smtp-main\"} 1.75\n"
                + "tidings_send_latency_seconds_count{channel=\"smtp-main\"} 4\n", text);
    }
}
