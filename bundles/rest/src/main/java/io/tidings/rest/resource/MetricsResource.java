package io.tidings.rest.resource;

import static io.tidings.rest.resource.PrometheusText.labels;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import io.tidings.api.CommunicationStatus;
import io.tidings.api.DispatcherStatus;
import io.tidings.api.Medium;
import io.tidings.api.channel.ChannelDirectory;
import io.tidings.api.channel.ChannelSummary;
import io.tidings.rest.resource.PrometheusText.Type;
import io.tidings.rest.route.ApiRequest;
import io.tidings.rest.route.ApiResponse;
import io.tidings.rest.route.Role;
import io.tidings.rest.route.Router;

/**
 * {@code GET /metrics} and {@code GET /metrics/prometheus}: the numbers an operator's monitoring
 * scrapes, in the Prometheus text format: communications by status, whether the store answers and
 * the dispatcher runs, and whether each channel can take messages. Counting the record scans it, so
 * the counts are taken at most every {@link #COUNT_REUSE_MILLIS}. Counts of the record are gauges:
 * housekeeping deletes what is done with, so they can fall.
 */
final class MetricsResource {

    static final String MEDIA_TYPE = PrometheusText.MEDIA_TYPE;
    static final long COUNT_REUSE_MILLIS = 5_000;

    private final Services services;
    private volatile Counts counts;

    private record Counts(Map<CommunicationStatus, Long> byStatus, long takenAt) {
    }

    MetricsResource(Services services) {
        this.services = services;
    }

    void register(Router router) {
        router.add("GET", "/metrics", Role.VIEWER, this::scrape);
        router.add("GET", "/metrics/prometheus", Role.VIEWER, this::scrape);
    }

    private ApiResponse scrape(ApiRequest request, Map<String, String> params) {
        PrometheusText out = new PrometheusText();
        Map<CommunicationStatus, Long> byStatus = byStatus();
        out.family("tidings_store_up", Type.GAUGE, "Whether the store answered the last count of the record (1) or not (0).")
                .sample(byStatus == null ? 0 : 1);
        if (byStatus != null) {
            out.family("tidings_communications", Type.GAUGE, "Communications in the record, by status.");
            for (CommunicationStatus status : CommunicationStatus.values()) {
                out.sample(labels("status", status.name()), byStatus.getOrDefault(status, 0L));
            }
        }
        DispatcherStatus dispatcher = services.dispatcherIfAvailable();
        out.family("tidings_dispatcher_up", Type.GAUGE, "Whether the dispatcher claims and sends (1) or is stopped (0).")
                .sample(dispatcher != null && dispatcher.running() ? 1 : 0);
        if (dispatcher != null) {
            counters(out, dispatcher.sendCounts());
            engine(out, dispatcher);
        }

        // without the engine's directory the counts are still worth scraping: no channel lines then
        ChannelDirectory directory = services.channelsIfAvailable();
        List<ChannelSummary> channels = directory == null ? List.of() : directory.channels().stream()
                .sorted(Comparator.comparing(ChannelSummary::name)).toList();
        // the classic media always have a line; any other once a channel declares it
        Map<Medium, Integer> available = new java.util.TreeMap<>();
        available.put(Medium.EMAIL, 0);
        available.put(Medium.SMS, 0);
        channels.forEach(c -> c.media().stream().filter(Medium::isName).forEach(m -> available.putIfAbsent(Medium.of(m), 0)));
        out.family("tidings_channel_up", Type.GAUGE, "Whether a channel can take messages now (1) or not (0).");
        for (ChannelSummary channel : channels) {
            boolean up = channel.state().available();
            for (String medium : channel.media()) {
                out.sample(labels("channel", channel.name(), "medium", medium), up ? 1 : 0);
                if (up) {
                    available.replaceAll((m, n) -> m.name().equals(medium) ? n + 1 : n);
                }
            }
        }
        if (directory != null) {
            out.family("tidings_channels_available", Type.GAUGE, "How many channels can take messages of a medium now.");
            available.forEach((medium, n) -> out.sample(labels("medium", medium.name()), n));
        }
        return ApiResponse.text(MEDIA_TYPE, out.text());
    }

    /** What the send path did since the engine started: one counter family per outcome. */
    private static void counters(PrometheusText out, List<DispatcherStatus.SendCount> counts) {
        Map<String, String> help = new java.util.LinkedHashMap<>();
        help.put("sent", "Communications handed to a channel that took them, by channel and medium.");
        help.put("delivered", "Communications a provider reported delivered, by channel.");
        help.put("retried", "Attempts that failed transiently and were queued again, by channel and medium.");
        help.put("failed", "Communications that ended FAILED, by channel (if one was involved) and medium.");
        help.put("suppressed", "Communications suppressed at send time (an opt-out or a suppression since they were planned),"
                + " by medium.");
        help.put("bounced", "Sent communications returned by the recipient's server for good (a hard bounce), by channel.");
        help.put("complained", "Complaints about sent communications (feedback loop or provider spam reports), by channel.");
        for (Map.Entry<String, String> family : help.entrySet()) {
            out.family("tidings_communications_" + family.getKey() + "_total", Type.COUNTER, family.getValue());
            for (DispatcherStatus.SendCount count : counts) {
                if (count.outcome().equals(family.getKey())) {
                    out.sample(labels("channel", count.channel(), "medium", count.medium()), count.count());
                }
            }
        }
    }

    /** Ingest, rendering, the oldest due message and the histograms of sending. */
    private static void engine(PrometheusText out, DispatcherStatus dispatcher) {
        out.family("tidings_events_ingested_total", Type.COUNTER, "Events accepted (a repeated event id not counted).")
                .sample(dispatcher.eventsIngested());
        out.family("tidings_render_failures_total", Type.COUNTER,
                "Communications that could not be prepared: rendering failed, or their template or event is gone.")
                .sample(dispatcher.renderFailures());
        java.util.Optional<java.time.Instant> oldest;
        try {
            oldest = dispatcher.oldestDue();
        } catch (RuntimeException e) {
            oldest = null; // the store does not answer: tidings_store_up says so
        }
        if (oldest != null) {
            out.family("tidings_oldest_due_age_seconds", Type.GAUGE,
                    "Seconds since the longest-waiting due communication became due; 0 when nothing is due.")
                    .sample(oldest.map(at -> Math.max(0, java.time.Duration.between(at, java.time.Instant.now())
                            .toMillis() / 1000.0)).orElse(0.0));
        }
        Map<String, String> help = Map.of(
                "send_latency", "Seconds from claiming a communication to its channel's answer, by channel.",
                "queue_wait", "Seconds from the moment a communication was due to its SENT, by channel.");
        for (String name : List.of("send_latency", "queue_wait")) {
            out.family("tidings_" + name + "_seconds", Type.HISTOGRAM, help.get(name));
            for (DispatcherStatus.Timing timing : dispatcher.timings()) {
                if (timing.name().equals(name)) {
                    out.histogram(labels("channel", timing.channel()), timing.bounds(), timing.cumulative(),
                            timing.sumSeconds(), timing.count());
                }
            }
        }
    }

    /** The record by status, or null when the store does not answer (the scrape still says so). */
    private Map<CommunicationStatus, Long> byStatus() {
        Counts last = counts;
        long now = System.currentTimeMillis();
        if (last == null || now - last.takenAt() >= COUNT_REUSE_MILLIS) {
            try {
                last = new Counts(services.notifications().countByStatus(), now);
            } catch (RuntimeException e) {
                counts = null;
                return null;
            }
            counts = last;
        }
        return last.byStatus();
    }
}
