package io.tidings.shell;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import io.tidings.api.DispatchControl;

@Service
@Command(scope = "tidings", name = "pause", description = "Pauses all dispatch of this node, or one channel: nothing more is "
        + "handed over until tidings:resume (messages wait, costing no attempt)")
public class PauseCommand extends DispatchSwitch {

    @Override
    String all(DispatchControl dispatch) {
        dispatch.pause();
        return "Dispatch paused: nothing is claimed until tidings:resume";
    }

    @Override
    String channel(DispatchControl dispatch, String name) {
        if (!dispatch.pauseChannel(name)) {
            throw new IllegalArgumentException("no channel '" + name + "'");
        }
        return "Channel " + name + " paused: it is given nothing until tidings:resume " + name;
    }
}
