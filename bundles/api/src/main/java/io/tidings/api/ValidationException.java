package io.tidings.api;

/**
 * Bad input (an event, a template, a rule, a configuration): names the field at fault and, for
 * templates, the line and column. Nothing was applied when this is thrown.
 */
public class ValidationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String field;
    private final int line;
    private final int column;

    public ValidationException(String field, String message) {
        this(field, message, 0, 0);
    }

    /** @param line 1-based, 0 when not applicable; @param column 1-based, 0 when not applicable */
    public ValidationException(String field, String message, int line, int column) {
        super(describe(field, message, line, column));
        this.field = field;
        this.line = line;
        this.column = column;
    }

    private static String describe(String field, String message, int line, int column) {
        StringBuilder sb = new StringBuilder();
        if (field != null) {
            sb.append(field);
            if (line > 0) {
                sb.append(" (line ").append(line).append(", column ").append(column).append(')');
            }
            sb.append(": ");
        }
        return sb.append(message).toString();
    }

    public String field() {
        return field;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    /** The message without the field prefix. */
    public String reason() {
        String full = getMessage();
        int i = field == null ? -1 : full.indexOf(": ");
        return i < 0 ? full : full.substring(i + 2);
    }
}
