package io.tidings.core.dispatch;

import java.io.FilterInputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.concurrent.TimeUnit;

/**
 * A socket's input whose every read waits only until one deadline, so a server that trickles its
 * body a byte at a time cannot hold a sender longer than the fetch timeout.
 */
final class DeadlineInputStream extends FilterInputStream {
    private final Socket socket;
    private final long deadline;

    /** @param deadline in {@link System#nanoTime()} terms */
    DeadlineInputStream(Socket socket, long deadline) throws IOException {
        super(socket.getInputStream());
        this.socket = socket;
        this.deadline = deadline;
    }

    @Override
    public int read() throws IOException {
        arm();
        return super.read();
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        arm();
        return super.read(b, off, len);
    }

    private void arm() throws IOException {
        long left = remainingMillis(deadline);
        if (left <= 0) {
            throw new SocketTimeoutException("deadline passed");
        }
        socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, left));
    }

    static long remainingMillis(long deadline) {
        return TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
    }
}
