package io.tidings.channel.smtp;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.mail.AuthenticationFailedException;
import javax.mail.MessagingException;
import javax.mail.SendFailedException;
import javax.mail.internet.AddressException;

import com.sun.mail.smtp.SMTPAddressFailedException;
import com.sun.mail.smtp.SMTPSendFailedException;

import io.tidings.api.channel.SendResult;

/**
 * Turns what Jakarta Mail threw into the typed outcome the engine retries on. Error texts carry
 * SMTP reply codes, never the server's reply text: servers echo the recipient address in it.
 */
final class SendFailures {

    /**
     * @param result             the outcome to report for the message
     * @param connectionProblem  the account cannot be reached or used: the channel is unavailable until a connection succeeds
     * @param connectionDropped  a reused connection turned out to be closed: one retry on a fresh connection is safe
     */
    record Failure(SendResult result, boolean connectionProblem, boolean connectionDropped) {
    }

    /**
     * Raised while opening a connection (connect, EHLO, STARTTLS, AUTH): whatever the cause, the
     * account is unusable now and the message itself is not at fault.
     */
    static final class ConnectFailedException extends MessagingException {
        private static final long serialVersionUID = 1L;

        ConnectFailedException(MessagingException cause) {
            super("cannot open an SMTP connection", cause);
        }
    }

    private static final Pattern ENHANCED_STATUS = Pattern.compile("\\b([245]\\.\\d{1,3}\\.\\d{1,3})\\b");
    private static final Pattern ADDRESS = Pattern.compile("[^\\s<>\"'(),;:]+@[^\\s<>\"'(),;:]+");

    private SendFailures() {
    }

    static Failure classify(Throwable error) {
        if (error instanceof ConnectFailedException connect) {
            Failure cause = classify(connect.getNextException());
            String reason = cause.result().error();
            return new Failure(SendResult.transientFailure(reason), true, false);
        }
        SMTPAddressFailedException rejected = find(error, SMTPAddressFailedException.class);
        if (rejected != null) {
            int code = rejected.getReturnCode();
            String what = "recipient rejected by the server (" + reply(code, rejected.getMessage()) + ")";
            if (code >= 500) {
                return new Failure(SendResult.permanentFailure(what), false, false);
            }
            if (code < 0) {
                return dropped("connection closed by the server");
            }
            return new Failure(SendResult.transientFailure(what), false, false);
        }
        if (find(error, AddressException.class) != null) {
            return new Failure(SendResult.permanentFailure("invalid recipient address"), false, false);
        }
        if (find(error, AuthenticationFailedException.class) != null) {
            return new Failure(SendResult.transientFailure("authentication failed"), true, false);
        }
        SMTPSendFailedException refused = find(error, SMTPSendFailedException.class);
        if (refused != null) {
            int code = refused.getReturnCode();
            String reply = reply(code, refused.getMessage());
            if (code < 0 || code == 421) {
                // 421: the server is closing the connection (idle timeout, shutdown)
                return dropped("connection closed by the server (" + reply + ")");
            }
            boolean content = refused.getCommand() != null && !refused.getCommand().regionMatches(true, 0, "MAIL", 0, 4);
            if (code >= 500 && content) {
                return new Failure(SendResult.permanentFailure("message rejected by the server (" + reply + ")"), false, false);
            }
            // a refused sender is the account's problem, not the message's: another try after the fix can succeed
            return new Failure(SendResult.transientFailure((content ? "message" : "sender") + " refused by the server ("
                    + reply + ")"), false, false);
        }
        IOException io = find(error, IOException.class);
        if (io != null) {
            if (io instanceof SocketTimeoutException) {
                return new Failure(SendResult.transientFailure("timed out: " + scrub(io.getMessage())), true, false);
            }
            if (io instanceof ConnectException) {
                return new Failure(SendResult.transientFailure("connection failed: " + scrub(io.getMessage())), true, false);
            }
            if (io instanceof SocketException && "Socket closed".equals(io.getMessage())) {
                // Closed on our side while in use: here only Jakarta Mail's write timeout does that (a server that
                // stopped reading). Not a dropped connection: sending again on a fresh one would stall as long again.
                return new Failure(SendResult.transientFailure("timed out writing to the server"), true, false);
            }
            if (io instanceof UnknownHostException) {
                return new Failure(SendResult.transientFailure("unknown host: " + scrub(io.getMessage())), true, false);
            }
            return dropped("connection lost: " + io.getClass().getSimpleName() + " " + scrub(io.getMessage()));
        }
        if (error instanceof IllegalStateException) {
            // Jakarta Mail's "Not connected": the transport noticed the socket is gone
            return dropped("connection lost: " + scrub(error.getMessage()));
        }
        if (error instanceof SendFailedException) {
            return new Failure(SendResult.permanentFailure("no valid recipient"), false, false);
        }
        return new Failure(SendResult.transientFailure(error.getClass().getSimpleName() + ": " + scrub(error.getMessage())),
                false, false);
    }

    /** The message could not be built from what the engine handed over: trying again cannot help. */
    static SendResult unbuildable(Throwable error) {
        if (find(error, AddressException.class) != null) {
            return SendResult.permanentFailure("invalid recipient address");
        }
        return SendResult.permanentFailure("message cannot be built: " + scrub(error.getMessage()));
    }

    private static Failure dropped(String what) {
        return new Failure(SendResult.transientFailure(what), true, true);
    }

    /** {@code 550 5.1.1}: the code and the enhanced status code, not the text. */
    static String reply(int code, String serverText) {
        if (code < 0) {
            return "no reply";
        }
        Matcher enhanced = ENHANCED_STATUS.matcher(serverText == null ? "" : serverText);
        return enhanced.find() ? code + " " + enhanced.group(1) : Integer.toString(code);
    }

    /** Free text from a library may quote an address: keep it out of errors and logs. */
    static String scrub(String text) {
        return text == null ? "" : ADDRESS.matcher(text).replaceAll("<address>");
    }

    private static <T extends Throwable> T find(Throwable error, Class<T> type) {
        // MessagingException chains through getNextException, which getCause returns; guard against loops
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = error; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
