package io.tidings.rest.resource;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import io.tidings.api.CommunicationStatus;
import io.tidings.api.channel.ChannelDirectory;
import io.tidings.api.channel.ChannelSummary;
import io.tidings.rest.route.ApiRequest;
import io.tidings.rest.route.ApiResponse;
import io.tidings.rest.route.Router;

/**
 * {@code GET /metrics}: the numbers an operator's monitoring scrapes, in the Prometheus text
 * format (version 0.0.4): communications by status, and whether each channel can take messages.
 * Counting the record scans it, so the counts are taken at most every {@link #COUNT_REUSE_MILLIS}.
 */
final class MetricsResource {

    static final String MEDIA_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    static final long COUNT_REUSE_MILLIS = 5_000;

    private final Services services;
    private volatile Counts counts;

    private record Counts(Map<CommunicationStatus, Long> byStatus, long takenAt) {
    }

    MetricsResource(Services services) {
        this.services = services;
    }

    void register(Router router) {
        router.add("GET", "/metrics", this::scrape);
    }

    private ApiResponse scrape(ApiRequest request, Map<String, String> params) {
        StringBuilder out = new StringBuilder(1024);
        Map<CommunicationStatus, Long> byStatus = byStatus();
        out.append("# HELP tidings_communications Communications in the record, by status.\n");
        out.append("# TYPE tidings_communications gauge\n");
        for (CommunicationStatus status : CommunicationStatus.values()) {
            out.append("tidings_communications{status=\"").append(status.name()).append("\"} ")
                    .append(byStatus.getOrDefault(status, 0L)).append('\n');
        }
        // without the engine's directory the counts are still worth scraping: no channel lines then
        ChannelDirectory directory = services.channelsIfAvailable();
        List<ChannelSummary> channels = directory == null ? List.of() : directory.channels().stream()
                .sorted(Comparator.comparing(ChannelSummary::name)).toList();
        out.append("# HELP tidings_channel_up Whether a channel can take messages now (1) or not (0).\n");
        out.append("# TYPE tidings_channel_up gauge\n");
        for (ChannelSummary channel : channels) {
            for (String medium : channel.media()) {
                out.append("tidings_channel_up{channel=\"").append(label(channel.name())).append("\",medium=\"")
                        .append(label(medium)).append("\"} ").append(channel.state().available() ? 1 : 0).append('\n');
            }
        }
        return ApiResponse.text(MEDIA_TYPE, out.toString());
    }

    private Map<CommunicationStatus, Long> byStatus() {
        Counts last = counts;
        long now = System.currentTimeMillis();
        if (last == null || now - last.takenAt() >= COUNT_REUSE_MILLIS) {
            last = new Counts(services.notifications().countByStatus(), now);
            counts = last;
        }
        return last.byStatus();
    }

    /** A label value as the text format escapes it. */
    private static String label(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
