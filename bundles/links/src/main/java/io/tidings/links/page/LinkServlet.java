package io.tidings.links.page;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

import io.tidings.api.link.DynamicLinks;
import io.tidings.api.link.LinkOutcome;

/**
 * Answers the dynamic links of messages at {@code /tidings/links/<token>}. Recipients are not
 * Karaf users: the signed token is the credential, so there is no login here. A GET of an action
 * link (a click in the message) records nothing: mail scanners fetch every link, so the page asks
 * the recipient to confirm with a button, which POSTs to the same address. A POST acts (that
 * button, or RFC 8058 one-click unsubscribe from a mail client); acting twice records nothing new.
 * Tracking links (the opening image, tracked clicks) act on GET. The answer is a plain HTML page
 * without personal data.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/tidings/links/*")
@HttpWhiteboardServletName("tidings-dynamic-links")
public class LinkServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private transient volatile DynamicLinks links;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindLinks(DynamicLinks service) {
        links = service;
    }

    void unbindLinks(DynamicLinks service) {
        if (links == service) {
            links = null;
        }
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        answer(request, response, false);
    }

    /** Link checkers and previewers ask with HEAD: they are answered without anything being recorded. */
    @Override
    protected void doHead(HttpServletRequest request, HttpServletResponse response) {
        response.setStatus(links == null ? 503 : 200);
        response.setHeader("Cache-Control", "no-store");
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        answer(request, response, true);
    }

    private void answer(HttpServletRequest request, HttpServletResponse response, boolean act) throws IOException {
        DynamicLinks service = links;
        String accept = request.getHeader("Accept-Language");
        if (service == null) {
            String language = LinkPages.language(null, accept);
            page(response, 503, language, LinkPages.words(null, null, language));
            return;
        }
        String path = request.getPathInfo();
        String token = path == null ? "" : path.startsWith("/") ? path.substring(1) : path;
        LinkOutcome outcome = act ? service.follow(token) : service.open(token);
        if (outcome.result() == LinkOutcome.Result.OPENED) {
            image(response);
            return;
        }
        if (outcome.result() == LinkOutcome.Result.CLICKED) {
            response.setHeader("Cache-Control", "no-store");
            response.setHeader("Referrer-Policy", "no-referrer");
            response.sendRedirect(outcome.target());
            return;
        }
        String language = LinkPages.language(outcome.language(), accept);
        String[] words = LinkPages.words(outcome.result(), outcome.action(), language);
        int status = switch (outcome.result()) {
            case DONE, CONFIRM, PREVIEW, OPENED, CLICKED -> 200;
            case EXPIRED -> 410;
            case INVALID -> 404;
        };
        page(response, status, language, words);
    }

    private static void page(HttpServletResponse response, int status, String language, String[] words)
            throws IOException {
        String title = words[0];
        String message = words[1];
        String html = "<!DOCTYPE html>\n<html lang=\"" + language + "\"><head><meta charset=\"utf-8\"><meta name=\"robots\" content=\"noindex\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + escape(title)
                + "</title></head>\n<body style=\"font-family: sans-serif; max-width: 36em; margin: 3em auto\">"
                + "<h1>" + escape(title) + "</h1><p>" + escape(message) + "</p>"
                // the confirmation posts to this same address
                + (words.length > 2 ? "<form method=\"post\"><button type=\"submit\" style=\"font-size: 1.1em; padding: .5em 1.5em\">"
                        + escape(words[2]) + "</button></form>" : "")
                + "</body></html>\n";
        byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Content-Language", language);
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'");
        response.setContentLength(bytes.length);
        try (OutputStream out = response.getOutputStream()) {
            out.write(bytes);
        }
    }

    /** The tracking image: a transparent 1×1 GIF, never cached, so each opening loads it. */
    private static final byte[] PIXEL = java.util.Base64.getDecoder().decode(
            "R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");

    private static void image(HttpServletResponse response) throws IOException {
        response.setStatus(200);
        response.setContentType("image/gif");
        response.setHeader("Cache-Control", "no-store, max-age=0");
        response.setContentLength(PIXEL.length);
        try (OutputStream out = response.getOutputStream()) {
            out.write(PIXEL);
        }
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
