package io.tidings.itests;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP relay on a local port to a server, switched off and on again like a network outage: off
 * closes its listener and every connection it relays (new connections are refused), on listens on
 * the same port again.
 */
final class TcpRelay implements AutoCloseable {

    private final String host;
    private final int targetPort;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile ServerSocket listener;
    private int port;

    TcpRelay(String host, int targetPort) {
        this.host = host;
        this.targetPort = targetPort;
    }

    /** Listens again, on the port of the first start. */
    synchronized TcpRelay on() throws IOException {
        ServerSocket server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        port = server.getLocalPort();
        listener = server;
        Thread accepting = new Thread(() -> accept(server), "tcp-relay-accept-" + port);
        accepting.setDaemon(true);
        accepting.start();
        return this;
    }

    /** Stops listening and cuts every relayed connection. */
    synchronized void off() {
        close(listener);
        open.forEach(TcpRelay::close);
        open.clear();
    }

    int port() {
        return port;
    }

    private void accept(ServerSocket server) {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket upstream = new Socket(host, targetPort);
                open.add(client);
                open.add(upstream);
                pump(client, upstream);
                pump(upstream, client);
            } catch (IOException e) {
                // the listener was closed, or the server refused: the client sees its connection end
            }
        }
    }

    private void pump(Socket from, Socket to) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[8192];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int n; (n = in.read(buffer)) >= 0;) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // cut by off(), or the other side closed
            } finally {
                close(from);
                close(to);
            }
        }, "tcp-relay-" + port);
        thread.setDaemon(true);
        thread.start();
    }

    private static void close(AutoCloseable closeable) {
        try {
            if (closeable != null) {
                closeable.close();
            }
        } catch (Exception e) {
            // already closed
        }
    }

    @Override
    public void close() {
        off();
    }
}
