package io.tidings.shell;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import io.tidings.api.DispatchControl;

@Service
@Command(scope = "tidings", name = "resume", description = "Resumes all dispatch of this node, or one paused channel; "
        + "what waited goes out at once")
public class ResumeCommand extends DispatchSwitch {

    @Override
    String all(DispatchControl dispatch) {
        dispatch.resume();
        return "Dispatch resumed";
    }

    @Override
    String channel(DispatchControl dispatch, String name) {
        return dispatch.resumeChannel(name) ? "Channel " + name + " resumed" : "Channel " + name + " was not paused";
    }
}
