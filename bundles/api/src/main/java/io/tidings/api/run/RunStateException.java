package io.tidings.api.run;

/** The run is not in a state that allows the request (closed, cancelled, or opened differently). */
public class RunStateException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RunStateException(String message) {
        super(message);
    }
}
