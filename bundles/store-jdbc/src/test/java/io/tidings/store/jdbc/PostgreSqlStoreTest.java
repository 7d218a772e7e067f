package io.tidings.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.After;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The store on the real PostgreSQL server (127.0.0.1:5432, database test), each test in a schema
 * of its own that is dropped afterwards.
 */
public class PostgreSqlStoreTest extends StoreContract {

    private PGSimpleDataSource dataSource;
    private String schema;

    @Override
    protected DataSource dataSource() {
        if (dataSource == null) {
            schema = "tidings_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            PGSimpleDataSource admin = base();
            try (Connection c = admin.getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE SCHEMA " + schema);
            } catch (SQLException e) {
                throw new IllegalStateException("PostgreSQL on 127.0.0.1:5432 (database test) is needed: " + e.getMessage(), e);
            }
            dataSource = base();
            dataSource.setCurrentSchema(schema);
        }
        return dataSource;
    }

    @Override
    protected Dialect dialect() {
        return new Dialect.PostgreSql();
    }

    @After
    public void dropSchema() throws SQLException {
        if (schema != null) {
            try (Connection c = base().getConnection(); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    private static PGSimpleDataSource base() {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(System.getProperty("tidings.test.postgresql.url", "jdbc:postgresql://127.0.0.1:5432/test"));
        ds.setUser(System.getProperty("tidings.test.postgresql.user", "postgres"));
        return ds;
    }
}
