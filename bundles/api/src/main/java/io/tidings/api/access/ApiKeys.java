package io.tidings.api.access;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

import io.tidings.api.ValidationException;

/**
 * API keys: how a host platform authenticates without a Karaf password
 * ({@code Authorization: Bearer <token>}). A token is shown once, when the key is issued; only a
 * hash of it is stored, so a lost token is revoked and a new key issued.
 */
@ProviderType
public interface ApiKeys {

    /** The role names a key may grant: the Tidings roles of Karaf's realm. */
    List<String> ROLES = List.of("tidings-ingest", "tidings-viewer", "tidings-viewer-content", "tidings-editor",
            "tidings-admin");

    /**
     * Issues a key.
     *
     * @param roles names from {@link #ROLES}, at least one
     * @param unit  the organisational unit (a key of {@link Units}) the key is limited to; null for none
     * @throws ValidationException naming the field at fault
     */
    IssuedApiKey issue(String name, List<String> roles, String unit);

    /** Every key that is not revoked, oldest first. */
    List<ApiKey> keys();

    /** Revokes a key at once: its token authenticates nothing from now on. @return false when there is no such key */
    boolean revoke(String id);

    /**
     * The key a token belongs to, compared in constant time; records its use.
     *
     * @return empty for an unknown, malformed or revoked token
     */
    Optional<ApiKey> authenticate(String token);
}
