package io.tidings.api.access;

/**
 * A key just issued, with its token: the one time the token is seen; Tidings keeps only its hash.
 */
public record IssuedApiKey(ApiKey key, String token) {

    @Override
    public String toString() {
        return "IssuedApiKey[" + key + "]";
    }
}
