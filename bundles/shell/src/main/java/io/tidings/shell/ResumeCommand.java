package io.tidings.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import io.tidings.api.DispatchControl;

@Service
@Command(scope = "tidings", name = "resume", description = "Resumes all dispatch of this node, or one paused channel; "
        + "what waited goes out at once")
public class ResumeCommand implements Action {

    @Reference(optional = true)
    DispatchControl control;

    @Argument(index = 0, name = "channel", description = "The channel to resume; none resumes all dispatch")
    @Completion(ChannelNameCompleter.class)
    String channel;

    @Override
    public Object execute() throws Exception {
        DispatchControl dispatch = Services.require(control, "the notification engine (DispatchControl)");
        if (channel == null) {
            dispatch.resume();
            System.out.println("Dispatch resumed");
        } else if (dispatch.resumeChannel(channel)) {
            System.out.println("Channel " + channel + " resumed");
        } else {
            System.out.println("Channel " + channel + " was not paused");
        }
        return null;
    }
}
