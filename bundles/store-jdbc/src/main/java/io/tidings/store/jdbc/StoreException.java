package io.tidings.store.jdbc;

/** A database operation failed; nothing of that operation was applied. */
public class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
