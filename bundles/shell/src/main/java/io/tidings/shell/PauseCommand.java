package io.tidings.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import io.tidings.api.DispatchControl;

@Service
@Command(scope = "tidings", name = "pause", description = "Pauses all dispatch of this node, or one channel: nothing more is "
        + "handed over until tidings:resume (messages wait, costing no attempt)")
public class PauseCommand implements Action {

    @Reference(optional = true)
    DispatchControl control;

    @Argument(index = 0, name = "channel", description = "The channel to pause; none pauses all dispatch")
    @Completion(ChannelNameCompleter.class)
    String channel;

    @Override
    public Object execute() throws Exception {
        DispatchControl dispatch = Services.require(control, "the notification engine (DispatchControl)");
        if (channel == null) {
            dispatch.pause();
            System.out.println("Dispatch paused: nothing is claimed until tidings:resume");
        } else if (dispatch.pauseChannel(channel)) {
            System.out.println("Channel " + channel + " paused: it is given nothing until tidings:resume " + channel);
        } else {
            throw new IllegalArgumentException("no channel '" + channel + "'");
        }
        return null;
    }
}
