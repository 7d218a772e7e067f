package io.tidings.itests;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** Karaf's web console over real HTTP, one request at a time (no session). Used in the container. */
final class WebConsole {

    private WebConsole() {
    }

    /** A page of the web console, e.g. {@code /tidings} or {@code /configMgr}. */
    static String url(String path) {
        return "http://127.0.0.1:" + Integer.getInteger(TidingsTestSupport.HTTP_PORT_PROPERTY) + "/system/console" + path;
    }

    /** GET with HTTP Basic credentials; none when the user is null. */
    static HttpResponse<String> get(String path, String user, String password) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)));
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return send(request);
    }

    static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HttpClient.newHttpClient().send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("HTTP call failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
