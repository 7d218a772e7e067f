package io.tidings.template.velocity.sandbox;

/**
 * A value of our own that templates may read named properties of ({@code $order.status}), and
 * nothing else: no methods, no iteration, no setters.
 */
public interface TemplateObject {

    /** The property's value, or null when there is none. */
    Object property(String name);
}
