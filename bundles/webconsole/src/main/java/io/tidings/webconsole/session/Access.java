package io.tidings.webconsole.session;

import java.util.Set;

/**
 * What the logged-in user may do on the Tidings page, from the Tidings roles the REST API knows:
 * {@code tidings-viewer} reads, {@code tidings-editor} also changes templates and rules,
 * {@code tidings-admin} (or Karaf's {@code admin}) does everything, including the actions on
 * messages, channels, consent and API keys. Message bodies need {@code tidings-viewer-content} on top
 * of viewing, or {@code tidings-admin}.
 *
 * @param level   the highest of the user's roles
 * @param content whether message bodies and subjects may be shown
 * @param units   the organisational units the user is limited to (its {@code tidings-unit-<key>} roles);
 *                empty for none (unrestricted)
 */
public record Access(Level level, boolean content, Set<String> units) {

    public Access {
        units = units == null ? Set.of() : Set.copyOf(units);
    }

    /** Access not limited to units. */
    public Access(Level level, boolean content) {
        this(level, content, Set.of());
    }

    /** The roles in the order each includes the one before. */
    public enum Level {
        NONE(null), VIEWER("tidings-viewer"), EDITOR("tidings-editor"), ADMIN("tidings-admin");

        private final String role;

        Level(String role) {
            this.role = role;
        }

        /** The Karaf role that grants the level; null for NONE. */
        public String role() {
            return role;
        }
    }

    /** Everything: an administrator, or a console that logged the user in with its own admin login. */
    public static final Access FULL = new Access(Level.ADMIN, true);

    /** The viewer role and content rights of Tidings. */
    public static final String VIEWER_CONTENT = "tidings-viewer-content";

    /** @param roles the user's Tidings role names (Karaf's admin role already counted as tidings-admin) */
    public static Access of(Set<String> roles) {
        Level level = Level.NONE;
        for (Level candidate : Level.values()) {
            if (candidate.role != null && roles.contains(candidate.role)) {
                level = candidate;
            }
        }
        boolean content = level == Level.ADMIN || level != Level.NONE && roles.contains(VIEWER_CONTENT);
        return new Access(level, content, io.tidings.api.access.UnitScope.unitsOf(roles));
    }

    public boolean atLeast(Level needed) {
        return level.compareTo(needed) >= 0;
    }

    /** The sentence shown when something needs a level the user lacks. */
    public static String refusal(Level needed) {
        return "this needs the role " + needed.role() + (needed == Level.ADMIN ? "" : " (or tidings-admin)");
    }
}
