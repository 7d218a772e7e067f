package io.tidings.shell;

/**
 * The commands take their services as optional references so that every {@code tidings:*} command
 * stays available (Karaf withdraws all of a bundle's commands while one mandatory reference is
 * missing) and says which part is not running.
 */
final class Services {

    private Services() {
    }

    static <T> T require(T service, String what) {
        if (service == null) {
            throw new IllegalStateException(what + " is not available; is the tidings feature fully started?");
        }
        return service;
    }
}
