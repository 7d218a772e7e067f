package io.tidings.rest.json;

import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.tidings.api.channel.ChannelDirectory;
import io.tidings.api.channel.ChannelSummary;

/**
 * {@code [{"name","media","priority","available","state"}]}, one object per channel in the order
 * the {@link ChannelDirectory} lists them (routing order: highest priority first).
 */
public final class ChannelJson {

    private ChannelJson() {
    }

    /** {@code [{"medium","content","channels":[…]}]}, by name. */
    public static ArrayNode writeMedia(List<io.tidings.api.channel.DeclaredMedium> media) {
        ArrayNode array = JsonCodec.array();
        for (io.tidings.api.channel.DeclaredMedium declared : media) {
            ObjectNode json = array.addObject();
            json.put("medium", declared.medium().name());
            json.put("content", declared.content().name());
            ArrayNode channels = json.putArray("channels");
            declared.channels().forEach(channels::add);
        }
        return array;
    }

    public static ArrayNode write(List<ChannelSummary> channels) {
        ArrayNode array = JsonCodec.array();
        for (ChannelSummary summary : channels) {
            ObjectNode json = array.addObject();
            json.put("name", summary.name());
            ArrayNode media = json.putArray("media");
            summary.media().forEach(media::add);
            json.put("priority", summary.priority());
            json.put("available", summary.state().available());
            json.put("state", summary.state().detail());
        }
        return array;
    }
}
