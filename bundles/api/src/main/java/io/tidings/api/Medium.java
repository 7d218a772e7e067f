package io.tidings.api;

/** How a message reaches a person. */
public enum Medium {
    EMAIL, SMS
}
