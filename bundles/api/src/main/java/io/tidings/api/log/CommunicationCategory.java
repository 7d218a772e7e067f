package io.tidings.api.log;

import java.util.regex.Pattern;

import io.tidings.api.ValidationException;

/**
 * A category of logged communications an administrator manages ({@code complaint}, {@code billing}).
 *
 * @param key  the name a communication gives in {@code category}
 * @param name what people read
 */
public record CommunicationCategory(String key, String name) {

    private static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9_.-]{0,63}");

    /** @throws ValidationException naming {@code key} or {@code name} */
    public void validate() {
        if (key == null || !KEY.matcher(key).matches()) {
            throw new ValidationException("key", "must be 1 to 64 lower-case letters, digits, '_', '.' or '-', "
                    + "starting with a letter or digit, was '" + key + "'");
        }
        if (name == null || name.isBlank() || name.length() > 200) {
            throw new ValidationException("name", "is required, at most 200 characters");
        }
    }
}
