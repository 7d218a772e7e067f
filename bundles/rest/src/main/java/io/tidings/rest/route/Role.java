package io.tidings.rest.route;

import java.util.Set;

/**
 * The Karaf roles the API knows, by the names an operator grants in {@code etc/users.properties},
 * LDAP or any JAAS module; the names are a contract. Each route names the one it needs, and
 * {@code tidings-admin} may do everything.
 */
public enum Role {
    /** A host platform: posts events and messages, claims and acknowledges its external queue. */
    INGEST("tidings-ingest"),
    /** Reads the configuration and the communication record, without message bodies. */
    VIEWER("tidings-viewer"),
    /** Message bodies and subjects, which are personal data; only on top of viewing. */
    VIEWER_CONTENT("tidings-viewer-content"),
    /** Viewing plus changing templates, rules and locations, previews and explain. */
    EDITOR("tidings-editor"),
    /**
     * Logging communications Tidings does not send (a call, a letter) and their follow-ups: the people
     * who edit (tidings-editor) and the host platforms (tidings-ingest), since a CRM logs its calls.
     */
    EDITOR_OR_INGEST("tidings-editor or tidings-ingest"),
    /** Everything, including consent, erasure, cancelling and the devbox. */
    ADMIN("tidings-admin");

    private final String karafName;

    Role(String karafName) {
        this.karafName = karafName;
    }

    /** The role's name in the JAAS realm. */
    public String karafName() {
        return karafName;
    }

    /** @param granted the caller's role names */
    public boolean grantedTo(Set<String> granted) {
        if (granted.contains(ADMIN.karafName)) {
            return true;
        }
        boolean views = granted.contains(VIEWER.karafName) || granted.contains(EDITOR.karafName);
        return switch (this) {
            case INGEST -> granted.contains(INGEST.karafName);
            case VIEWER -> views;
            case VIEWER_CONTENT -> views && granted.contains(VIEWER_CONTENT.karafName);
            case EDITOR -> granted.contains(EDITOR.karafName);
            case EDITOR_OR_INGEST -> granted.contains(EDITOR.karafName) || granted.contains(INGEST.karafName);
            case ADMIN -> false;
        };
    }

    /** Whether any of the names is one of ours: a user with none has no business with the API. */
    public static boolean anyOf(Set<String> granted) {
        for (Role role : values()) {
            if (granted.contains(role.karafName)) {
                return true;
            }
        }
        return false;
    }

    /** The sentence of a 403, naming what is missing. */
    public String refusal() {
        return switch (this) {
            case ADMIN -> "this needs the role tidings-admin";
            case EDITOR_OR_INGEST -> "this needs the role tidings-editor or tidings-ingest (or tidings-admin)";
            case VIEWER_CONTENT -> "this needs the role tidings-viewer-content, with tidings-viewer or tidings-editor"
                    + " (or tidings-admin)";
            default -> "this needs the role " + karafName + " (or tidings-admin)";
        };
    }
}
