package io.tidings.webconsole.page;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.tidings.api.DispatchControl;
import io.tidings.api.Medium;
import io.tidings.api.ValidationException;
import io.tidings.api.channel.ChannelSummary;
import io.tidings.api.channel.OutboundMessage;
import io.tidings.api.channel.SendResult;
import io.tidings.webconsole.html.Html;
import io.tidings.webconsole.session.Flash;

/**
 * An administrator's channel actions: pause and resume all sending (as {@code POST /dispatch/pause|resume}),
 * pause, resume and drain one channel (as {@code POST /channels/{name}/pause|resume|drain}), and a test message handed straight to one channel, outside the queue and the record, to see that its
 * account works.
 */
final class ChannelActions {

    /** How long the page waits for the provider's answer to a test message. */
    static final long TEST_TIMEOUT_SECONDS = 30;

    private final ConsoleServices services;

    ChannelActions(ConsoleServices services) {
        this.services = services;
    }

    static Html buttons(View view, String channel, boolean paused) {
        Html fields = Html.of("<input type='hidden' name='name' value='{}'>", channel);
        Html drain = view.postForm("/channel/drain", "tidings-inline", Html.of("{}<button type='submit' onclick=\"return "
                + "confirm('Drain this channel? It is given nothing new; once what it has in flight is done it can be "
                + "removed.')\">Drain {}</button>", fields, channel));
        return paused
                ? view.postForm("/channel/resume", "tidings-inline", Html.of("{}<button type='submit'>Resume {}</button>",
                        fields, channel))
                : view.postForm("/channel/pause", "tidings-inline", Html.of("{}<button type='submit' onclick=\"return "
                        + "confirm('Pause this channel? Its messages wait until it is resumed.')\">Pause {}</button>",
                        fields, channel)).add(drain);
    }

    /** Whether all sending is paused, and for an administrator the button that changes it. */
    static Html dispatch(View view, boolean paused) {
        Html state = paused
                ? Html.of("<p class='tidings-error tidings-dispatch'>All sending is paused by an operator: nothing is "
                        + "handed to a channel until it is resumed.</p>")
                : Html.of("<p class='tidings-done tidings-dispatch'>Sending runs.</p>");
        if (!view.admin()) {
            return state;
        }
        return state.add(paused
                ? view.postForm("/dispatch/resume", "tidings-inline", Html.of("<button type='submit'>Resume all sending"
                        + "</button>"))
                : view.postForm("/dispatch/pause", "tidings-inline", Html.of("<button type='submit' onclick=\"return "
                        + "confirm('Pause all sending? Messages in flight finish; the rest wait until sending is "
                        + "resumed.')\">Pause all sending</button>")));
    }

    Redirect pauseAll(View view) {
        view.requireAdmin();
        services.dispatchControl().pause();
        return new Redirect("/channels", Flash.done("All sending is paused: messages wait until it is resumed."));
    }

    Redirect resumeAll(View view) {
        view.requireAdmin();
        services.dispatchControl().resume();
        return new Redirect("/channels", Flash.done("Sending runs again."));
    }

    /** Gives the channel nothing new; the page shows DRAINING until what it has in flight is done, then DRAINED. */
    Redirect drain(View view) {
        view.requireAdmin();
        String name = name(view);
        DispatchControl control = services.dispatchControl();
        if (!control.drainChannel(name)) {
            throw new ValidationException("name", "there is no channel '" + name + "'");
        }
        int inFlight = control.inFlight(name);
        return new Redirect("/channels", Flash.done("Channel " + name + (inFlight > 0 ? " is DRAINING: " + inFlight
                + " message(s) in flight, given nothing new." : " is DRAINED: nothing in flight, it can be removed.")));
    }

    static Html testForm(View view, List<ChannelSummary> channels) {
        Html options = new Html();
        channels.forEach(c -> options.add("<option value='{}'>{} ({})</option>", c.name(), c.name(),
                String.join(", ", c.media())));
        return Html.of("<h3>Send test message</h3>{}", view.postForm("/channel/test", "tidings-test", Html.of(
                "<label>Channel <select name='name'>{}</select></label> <label>Address <input type='text' "
                        + "name='address' placeholder='you@example.com or +380…' required></label> <button type='submit'>"
                        + "Send test message</button><p class='tidings-hint'>Sent straight through the channel, "
                        + "outside the queue and the record.</p>", options)));
    }

    Redirect pause(View view) {
        view.requireAdmin();
        String name = name(view);
        if (!services.dispatchControl().pauseChannel(name)) {
            throw new ValidationException("name", "there is no channel '" + name + "'");
        }
        return new Redirect("/channels", Flash.done("Channel " + name + " is paused: its messages wait until it is "
                + "resumed."));
    }

    Redirect resume(View view) {
        view.requireAdmin();
        String name = name(view);
        if (!services.dispatchControl().resumeChannel(name)
                && services.channels().stream().noneMatch(c -> c.name().equals(name))) {
            throw new ValidationException("name", "there is no channel '" + name + "'");
        }
        return new Redirect("/channels", Flash.done("Channel " + name + " is sending again."));
    }

    /** Sends the test message and waits for the provider's answer. */
    Redirect test(View view) {
        view.requireAdmin();
        String name = name(view);
        String address = view.param("address");
        if (address == null) {
            throw new ValidationException("address", "is required: the email address or phone number (+country) to "
                    + "send the test message to");
        }
        ConsoleServices.ChannelService channel = services.channelServices().stream().filter(c -> c.name().equals(name))
                .findFirst().orElseThrow(() -> new ValidationException("name", "there is no channel '" + name + "'"));
        Medium medium = address.contains("@") ? Medium.EMAIL : Medium.SMS;
        OutboundMessage message = new OutboundMessage("console-test-" + UUID.randomUUID(), medium, address, null,
                medium == Medium.EMAIL ? "Tidings test message" : null, "A test message from the Tidings web console,"
                        + " sent through the channel " + name + ".", null, "en", 1);
        SendResult result;
        try {
            result = channel.channel().send(message).toCompletableFuture().get(TEST_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return refused("the wait for the channel's answer was interrupted");
        } catch (ExecutionException e) {
            return refused("the channel failed: " + e.getCause().getClass().getSimpleName());
        } catch (TimeoutException e) {
            return refused("the channel gave no answer within " + TEST_TIMEOUT_SECONDS + " s");
        }
        if (result.outcome() != SendResult.Outcome.SENT) {
            return refused("the channel answered " + result.outcome() + ": " + result.error());
        }
        return new Redirect("/channels", Flash.done("Test message sent through " + name + (result.providerMessageId()
                == null ? "." : " (provider id " + result.providerMessageId() + ").")));
    }

    private static Redirect refused(String why) {
        return new Redirect("/channels", Flash.refused("Test message not sent: " + why + ".", "address"));
    }

    private static String name(View view) {
        String name = view.param("name");
        if (name == null) {
            throw new ValidationException("name", "is required: which channel");
        }
        return name;
    }
}
