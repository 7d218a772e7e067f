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
            request.header("Authorization", basic(user, password));
        }
        return send(request);
    }

    /** HTTP Basic credentials as a header value. */
    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Posts a form of the Tidings page as the browser does: with the session the page opened and its
     * CSRF token (the session cookie is found among the console's others, such as its locale).
     */
    static HttpResponse<String> postForm(String user, String password, String pagePath, String postPath,
            String moreFields) {
        HttpResponse<String> page = get(pagePath, user, password);
        if (page.statusCode() != 200) {
            throw new AssertionError(pagePath + " answered " + page.statusCode() + ": " + page.body());
        }
        String session = page.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .map(c -> c.split(";", 2)[0]).findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie: " + page.headers().map()));
        java.util.regex.Matcher token = java.util.regex.Pattern.compile("name='csrf' value='([^']+)'")
                .matcher(page.body());
        if (!token.find()) {
            throw new AssertionError("no form with a CSRF token on " + pagePath + ": " + page.body());
        }
        return send(HttpRequest.newBuilder(URI.create(url(postPath))).header("Authorization", basic(user, password))
                .header("Cookie", session).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("csrf=" + token.group(1) + moreFields)));
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
