package io.tidings.store.jdbc;

import static org.junit.Assert.assertEquals;

import org.junit.Test;

/** Settings shared by the nodes of a cluster. */
public class JdbcSettingsTest extends RepositoryContract {

    @Test
    public void aSettingIsStoredOnceAndKept() {
        assertEquals("first", store.settings().setting("links.secret", () -> "first"));
        assertEquals("first", store.settings().setting("links.secret", () -> "second"));
    }
}
