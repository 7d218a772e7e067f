package io.tidings.api.access;

/** A unit-limited caller acted for a unit outside its own (answered 403 over REST, naming the unit). */
public class UnitAccessException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String unit;

    public UnitAccessException(String unit, String message) {
        super(message);
        this.unit = unit;
    }

    /** The unit the caller may not act for; null for objects of no unit (head office). */
    public String unit() {
        return unit;
    }
}
