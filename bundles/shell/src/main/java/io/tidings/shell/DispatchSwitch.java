package io.tidings.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;

import io.tidings.api.DispatchControl;

/** {@code tidings:pause} and {@code tidings:resume}: all dispatch of this node, or one channel. */
abstract class DispatchSwitch implements Action {

    @Reference(optional = true)
    DispatchControl control;

    @Argument(index = 0, name = "channel", description = "The channel; none means all dispatch of this node")
    @Completion(ChannelNameCompleter.class)
    String channel;

    @Override
    public Object execute() throws Exception {
        DispatchControl dispatch = Services.require(control, "the notification engine (DispatchControl)");
        System.out.println(channel == null ? all(dispatch) : channel(dispatch, channel));
        return null;
    }

    /** @return what to tell the operator */
    abstract String all(DispatchControl dispatch);

    /** @return what to tell the operator */
    abstract String channel(DispatchControl dispatch, String name);
}
