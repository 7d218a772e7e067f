package io.tidings.shell;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import io.tidings.api.channel.Channel;
import io.tidings.api.channel.ChannelState;

/** Rows of {@code tidings:channels}, from each channel service's routing properties and state. */
final class ChannelListing {

    record Row(String name, List<String> media, int priority, boolean available, String state) {
    }

    private ChannelListing() {
    }

    static Row row(Map<String, Object> properties, Channel channel) {
        ChannelState state;
        try {
            state = channel == null ? ChannelState.unavailable("service gone") : channel.state();
        } catch (RuntimeException e) {
            state = ChannelState.unavailable("failed to report its state: " + e.getClass().getSimpleName());
        }
        if (state == null) {
            state = ChannelState.unavailable("reports no state");
        }
        Object name = properties.get(Channel.NAME);
        return new Row(name == null ? String.valueOf(properties.getOrDefault("component.name", "unnamed")) : name.toString(),
                media(properties.get(Channel.MEDIUM)), priority(properties.get(Channel.PRIORITY)), state.available(),
                state.detail());
    }

    static List<Row> sorted(Collection<Row> rows) {
        List<Row> result = new ArrayList<>(rows);
        result.sort(Comparator.comparingInt(Row::priority).reversed().thenComparing(Row::name));
        return result;
    }

    /** {@code channel.medium} may be a String, a String[] or a collection. */
    static List<String> media(Object value) {
        List<String> media = new ArrayList<>();
        if (value instanceof String[] array) {
            media.addAll(Arrays.asList(array));
        } else if (value instanceof Collection<?> items) {
            items.forEach(item -> media.add(String.valueOf(item)));
        } else if (value != null) {
            for (String part : value.toString().split(",")) {
                if (!part.isBlank()) {
                    media.add(part.trim());
                }
            }
        }
        return media;
    }

    static int priority(Object value) {
        if (value instanceof Number n) {
            return n.intValue();
        }
        try {
            return value == null ? 0 : Integer.parseInt(value.toString().trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
