package io.tidings.store.jdbc;

import static org.junit.Assert.assertEquals;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.Test;

/** What only the embedded H2 database needs: its file under Karaf's data directory, commits on disk at once. */
public class H2StoreTest {

    @Test
    public void commitsAreWrittenWithoutDelay() throws Exception {
        try (Database.Fresh h2 = Database.H2.open(); Connection c = h2.dataSource().getConnection();
                Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                        "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'WRITE_DELAY'")) {
            rs.next();
            assertEquals("0", rs.getString(1));
        }
    }

    @Test
    public void theDefaultDatabaseLivesUnderKarafsDataDirectory() {
        String previous = System.getProperty("karaf.data");
        System.setProperty("karaf.data", "/opt/karaf/data");
        try {
            assertEquals("jdbc:h2:file:/opt/karaf/data/tidings/tidings;WRITE_DELAY=0", StoreComponent.effectiveUrl(""));
            assertEquals("jdbc:h2:mem:x;WRITE_DELAY=1", StoreComponent.effectiveUrl("jdbc:h2:mem:x;WRITE_DELAY=1"));
            assertEquals("jdbc:postgresql://db/tidings", StoreComponent.effectiveUrl("jdbc:postgresql://db/tidings"));
        } finally {
            if (previous == null) {
                System.clearProperty("karaf.data");
            } else {
                System.setProperty("karaf.data", previous);
            }
        }
    }
}
