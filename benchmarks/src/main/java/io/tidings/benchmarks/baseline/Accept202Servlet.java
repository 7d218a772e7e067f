package io.tidings.benchmarks.baseline;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/** The bare figure of the HTTP ingest benchmark: reads the body and answers 202 with a small JSON, nothing else. */
public final class Accept202Servlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final byte[] ANSWER = "{\"accepted\":true,\"communications\":[]}".getBytes(StandardCharsets.UTF_8);

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        byte[] buffer = new byte[8192];
        try (InputStream body = request.getInputStream()) {
            while (body.read(buffer) >= 0) {
                // the body is read, as an endpoint must, and dropped
            }
        }
        response.setStatus(HttpServletResponse.SC_ACCEPTED);
        response.setContentType("application/json");
        response.setContentLength(ANSWER.length);
        response.getOutputStream().write(ANSWER);
    }
}
