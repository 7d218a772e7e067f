package io.tidings.store.jdbc;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.InputStream;
import java.nio.file.Files;
import java.sql.Connection;
import java.util.HashMap;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import org.apache.felix.scr.impl.inject.internal.Annotations;
import org.h2.jdbcx.JdbcDataSource;
import org.h2.util.OsgiDataSourceFactory;
import org.junit.Before;
import org.junit.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import com.zaxxer.hikari.HikariDataSource;

/**
 * The store's own pool, configured as in {@code etc/io.tidings.store.cfg}: the properties become a
 * {@link StoreConfiguration} the way Felix SCR (Karaf's DS runtime) maps them.
 */
public class StoreComponentTest {

    private static final String PASSWORD = "s3cret-Øresund";

    private String url;

    /** An H2 file database created with a password: it opens again only with that password. */
    @Before
    public void databaseWithAPassword() throws Exception {
        url = "jdbc:h2:file:" + Files.createTempDirectory("tidings-password").resolve("tidings");
        JdbcDataSource owner = new JdbcDataSource();
        owner.setURL(url);
        owner.setUser("tidings");
        owner.setPassword(PASSWORD);
        owner.getConnection().close();
    }

    @Test
    public void theDocumentedPasswordKeyReachesTheDriver() throws Exception {
        Map<String, Object> properties = Map.of("url", url, "user", "tidings", "password", PASSWORD);
        try (HikariDataSource pool = open(properties); Connection c = pool.getConnection()) {
            assertTrue(c.isValid(1));
        }
    }

    @Test
    public void withoutThePasswordTheDatabaseStaysShut() throws Exception {
        try (HikariDataSource pool = open(Map.of("url", url, "user", "tidings"))) {
            fail("opened a password-protected database without its password");
        } catch (RuntimeException expected) {
            // H2 refuses the login: the pool cannot start
        }
    }

    @Test
    public void aPasswordSavedUnderTheEarlierKeyStillCounts() throws Exception {
        Map<String, Object> properties = Map.of("url", url, "user", "tidings", ".password", PASSWORD);
        try (HikariDataSource pool = open(properties); Connection c = pool.getConnection()) {
            assertTrue(c.isValid(1));
        }
    }

    @Test
    public void aDataSourceIsUsedOnlyWhenATargetIsConfigured() {
        assertNull(StoreComponent.dataSourceTarget(Map.of()));
        assertNull(StoreComponent.dataSourceTarget(Map.of("dataSource.target", " ")));
        assertNull(StoreComponent.dataSourceTarget(Map.of("dataSource.target", StoreComponent.NO_DATA_SOURCE)));
        assertEquals("(osgi.jndi.service.name=tidings)",
                StoreComponent.dataSourceTarget(Map.of("dataSource.target", "(osgi.jndi.service.name=tidings)")));
    }

    private static HikariDataSource open(Map<String, Object> configuration) throws Exception {
        Map<String, Object> properties = componentProperties(configuration);
        StoreConfiguration config = Annotations.toObject(StoreConfiguration.class, properties, null, false);
        return StoreComponent.openPool(new OsgiDataSourceFactory(new org.h2.Driver()), config, properties);
    }

    /** As SCR merges them: the defaults in the component description the build generated, then the configuration. */
    private static Map<String, Object> componentProperties(Map<String, Object> configuration) throws Exception {
        Map<String, Object> properties = new HashMap<>();
        try (InputStream xml = StoreComponent.class.getClassLoader()
                .getResourceAsStream("OSGI-INF/io.tidings.store.jdbc.StoreComponent.xml")) {
            NodeList declared = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml)
                    .getElementsByTagName("property");
            for (int i = 0; i < declared.getLength(); i++) {
                Element property = (Element) declared.item(i);
                String value = property.getAttribute("value");
                properties.put(property.getAttribute("name"),
                        "Integer".equals(property.getAttribute("type")) ? Integer.valueOf(value) : value);
            }
        }
        properties.putAll(configuration);
        return properties;
    }
}
