package io.tidings.store.jdbc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/** The databases the store supports, each giving every test a fresh, empty database of its own. */
enum Database {

    /** Embedded H2, in a file as in Karaf. */
    H2 {
        @Override
        Fresh open() {
            try {
                Path dir = Files.createTempDirectory("tidings-h2");
                JdbcDataSource dataSource = new JdbcDataSource();
                dataSource.setURL(StoreComponent.effectiveUrl("jdbc:h2:file:" + dir.resolve("tidings")));
                dataSource.setUser("sa");
                return new Fresh(dataSource, new Dialect.H2(), () -> {
                });
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    },

    /** The real PostgreSQL server (127.0.0.1:5432, database test), in a schema of its own dropped afterwards. */
    POSTGRESQL {
        @Override
        Fresh open() {
            String schema = "tidings_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            try (Connection c = base().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE SCHEMA " + schema);
            } catch (SQLException e) {
                throw new IllegalStateException("PostgreSQL on 127.0.0.1:5432 (database test) is needed: " + e.getMessage(), e);
            }
            PGSimpleDataSource dataSource = base();
            dataSource.setCurrentSchema(schema);
            return new Fresh(dataSource, new Dialect.PostgreSql(), () -> {
                try (Connection c = base().getConnection(); Statement s = c.createStatement()) {
                    s.execute("DROP SCHEMA " + schema + " CASCADE");
                }
            });
        }

        private PGSimpleDataSource base() {
            PGSimpleDataSource ds = new PGSimpleDataSource();
            ds.setUrl(System.getProperty("tidings.test.postgresql.url", "jdbc:postgresql://127.0.0.1:5432/test"));
            ds.setUser(System.getProperty("tidings.test.postgresql.user", "postgres"));
            return ds;
        }
    };

    abstract Fresh open();

    interface Cleanup {
        void run() throws SQLException;
    }

    /** A database for one test; closing it removes what the test left. */
    record Fresh(DataSource dataSource, Dialect dialect, Cleanup cleanup) implements AutoCloseable {
        @Override
        public void close() throws SQLException {
            cleanup.run();
        }
    }
}
