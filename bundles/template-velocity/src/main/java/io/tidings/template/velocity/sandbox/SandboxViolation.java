package io.tidings.template.velocity.sandbox;

/**
 * A template tried something the sandbox forbids (reflection, class loading, files). Carries the
 * position as Velocity reports it (line, column with tabs expanded), 0 when unknown.
 */
public class SandboxViolation extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int line;
    private final int velocityColumn;

    public SandboxViolation(String message, int line, int velocityColumn) {
        super(message);
        this.line = line;
        this.velocityColumn = velocityColumn;
    }

    public int line() {
        return line;
    }

    public int velocityColumn() {
        return velocityColumn;
    }
}
