package io.tidings.webconsole;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.tidings.api.channel.Channel;
import io.tidings.webconsole.page.ConsoleServices.ChannelService;

/** Channel services by the name the engine gives them: {@code channel.name}, else the component's name. */
final class ChannelServices {

    private ChannelServices() {
    }

    static List<ChannelService> of(List<Map.Entry<Map<String, Object>, Channel>> registered) {
        List<ChannelService> channels = new ArrayList<>();
        for (Map.Entry<Map<String, Object>, Channel> entry : registered) {
            Map<String, Object> properties = entry.getKey();
            Object name = properties.get(Channel.NAME);
            if (name == null) {
                name = properties.get("component.name");
            }
            if (name == null) {
                name = entry.getValue().getClass().getSimpleName();
            }
            Object pid = properties.get("service.pid");
            channels.add(new ChannelService(name.toString(), pid == null ? null : pid.toString(), entry.getValue()));
        }
        return channels;
    }
}
