package io.tidings.store.jdbc;

import static org.junit.Assert.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.Test;

/** The store on embedded H2, in a file as in Karaf. */
public class H2StoreTest extends StoreContract {

    private JdbcDataSource dataSource;

    @Override
    protected DataSource dataSource() {
        if (dataSource == null) {
            try {
                Path dir = Files.createTempDirectory("tidings-h2");
                dataSource = new JdbcDataSource();
                dataSource.setURL(StoreComponent.effectiveUrl("jdbc:h2:file:" + dir.resolve("tidings")));
                dataSource.setUser("sa");
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return dataSource;
    }

    @Override
    protected Dialect dialect() {
        return new Dialect.H2();
    }

    @Test
    public void commitsAreWrittenWithoutDelay() throws Exception {
        try (Connection c = dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
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
