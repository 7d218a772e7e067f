package io.tidings.itests;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Hashtable;
import java.util.Properties;

import javax.sql.DataSource;

import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.jdbc.DataSourceFactory;

/**
 * The PostgreSQL test server (127.0.0.1:5432, database test, trust auth) as the ITs use it: a schema
 * of a test's own, and the store's configuration pointed at it.
 */
final class PostgreSql {

    static final String DRIVER = "(osgi.jdbc.driver.class=org.postgresql.Driver)";

    private PostgreSql() {
    }

    /** A connection through the driver the feature installed, as the store gets it. */
    static DataSource dataSource(BundleContext context, int port, String schema) throws InvalidSyntaxException,
            SQLException {
        ServiceReference<DataSourceFactory> ref = context.getServiceReferences(DataSourceFactory.class, DRIVER)
                .stream().findFirst()
                .orElseThrow(() -> new AssertionError("the PostgreSQL driver registered no DataSourceFactory"));
        Properties props = new Properties();
        props.setProperty(DataSourceFactory.JDBC_URL, url(port, schema));
        props.setProperty(DataSourceFactory.JDBC_USER, "postgres");
        return context.getService(ref).createDataSource(props);
    }

    static void execute(BundleContext context, String sql) throws InvalidSyntaxException, SQLException {
        try (Connection c = dataSource(context, 5432, null).getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** The single number the query answers in the schema, 0 while its table is not there yet (not migrated). */
    static long count(BundleContext context, String schema, String sql) throws InvalidSyntaxException {
        try (Connection c = dataSource(context, 5432, schema).getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : 0;
        } catch (SQLException e) {
            return 0;
        }
    }

    /** Points the running store at the schema, through the port (5432, or a relay's). */
    static void useForStore(ConfigurationAdmin configurationAdmin, int port, String schema) throws IOException {
        Hashtable<String, Object> store = new Hashtable<>();
        store.put("url", url(port, schema));
        store.put("user", "postgres");
        store.put("dataSourceFactory.target", DRIVER);
        configurationAdmin.getConfiguration("io.tidings.store", "?").update(store);
    }

    private static String url(int port, String schema) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/test" + (schema == null ? "" : "?currentSchema=" + schema);
    }
}
