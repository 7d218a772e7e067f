package io.tidings.shell;

import java.util.concurrent.TimeUnit;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import io.tidings.api.DispatchControl;

/** {@code tidings:drain}: as {@code POST /channels/{name}/drain}, then waits for what the channel has in flight. */
@Service
@Command(scope = "tidings", name = "drain", description = "Drains a channel before its removal: it is given nothing new "
        + "(its queued messages go to another channel of their medium, or wait) and the command waits until what it "
        + "has in flight is done; tidings:resume ends the drain")
public class DrainCommand implements Action {

    @Reference(optional = true)
    DispatchControl control;

    @Option(name = "--wait", description = "Seconds to wait for the messages in flight (default 60; 0: do not wait)")
    int waitSeconds = 60;

    @Argument(index = 0, name = "channel", description = "The channel", required = true)
    @Completion(ChannelNameCompleter.class)
    String channel;

    @Override
    public Object execute() throws Exception {
        if (waitSeconds < 0) {
            throw new IllegalArgumentException("--wait must not be negative");
        }
        DispatchControl dispatch = Services.require(control, "the notification engine (DispatchControl)");
        if (!dispatch.drainChannel(channel)) {
            throw new IllegalArgumentException("no channel '" + channel + "'");
        }
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(waitSeconds);
        int inFlight = dispatch.inFlight(channel);
        while (inFlight > 0 && System.nanoTime() < until) {
            Thread.sleep(200);
            inFlight = dispatch.inFlight(channel);
        }
        System.out.println(inFlight == 0
                ? "Channel " + channel + " DRAINED: nothing in flight, it is given nothing new and can be removed"
                : "Channel " + channel + " DRAINING: " + inFlight + " in flight after " + waitSeconds
                        + " s; tidings:channels shows DRAINED when they are done");
        return null;
    }
}
