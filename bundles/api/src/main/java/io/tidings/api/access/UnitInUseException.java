package io.tidings.api.access;

import java.util.List;

/** A unit cannot be deleted while units or objects still belong to it. */
public class UnitInUseException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String unit;
    private final List<String> belonging;

    /** @param belonging what still belongs, as {@code type:key}, e.g. {@code unit:shop-1}, {@code rule:order-ready} */
    public UnitInUseException(String unit, List<String> belonging) {
        super("unit '" + unit + "' still has " + String.join(", ", belonging)
                + "; move or delete them first");
        this.unit = unit;
        this.belonging = List.copyOf(belonging);
    }

    public String unit() {
        return unit;
    }

    public List<String> belonging() {
        return belonging;
    }
}
