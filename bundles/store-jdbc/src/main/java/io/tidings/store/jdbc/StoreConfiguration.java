package io.tidings.store.jdbc;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Tidings store",
        description = "The database holding events, the communication queue, templates and rules")
public @interface StoreConfiguration {

    @AttributeDefinition(name = "JDBC URL", description = "jdbc:h2:file:… (embedded, the default) or jdbc:postgresql://host:5432/db. "
            + "For PostgreSQL also set dataSourceFactory.target=(osgi.jdbc.driver.class=org.postgresql.Driver)")
    String url() default "";

    @AttributeDefinition(name = "User")
    String user() default "sa";

    /** Read by the store only: it registers no service carrying its configuration. */
    @AttributeDefinition(name = "Password", type = AttributeType.PASSWORD, required = false)
    String password() default "";

    @AttributeDefinition(name = "Node name", description = "This node's name on the rows it claims, the same across "
            + "its restarts (each node sharing a database needs its own): a node that comes back after a crash queues what "
            + "it held again at once. Empty: a name made once and kept in data/tidings/node-name", required = false)
    String nodeName() default "";

    @AttributeDefinition(name = "Pool size", description = "Pooled connections", min = "1", max = "200")
    int poolSize() default 8;

    @AttributeDefinition(name = "Vacuum the queue table", description = "PostgreSQL whose autovacuum is off: every "
            + "30 s, vacuum tidings_communication from Tidings when more than 1,000 + 1% of its rows are dead row "
            + "versions (VACUUM SKIP_LOCKED, so nodes sharing the database never wait for one another). Does nothing "
            + "while the server's autovacuum is on, nor on H2")
    boolean vacuumQueue() default true;

    @AttributeDefinition(name = "Driver", description = "Filter selecting the JDBC driver's DataSourceFactory service")
    String dataSourceFactory_target() default "(osgi.jdbc.driver.class=org.h2.Driver)";

    /**
     * The default matches no service. It cannot be empty: DS takes an empty {@code .target} for no
     * filter, and the store would bind (and restart on) any DataSource in the container.
     */
    @AttributeDefinition(name = "Data source", description = "Filter selecting a javax.sql.DataSource service to use "
            + "instead of url, user, password and pool size, e.g. (osgi.jndi.service.name=tidings) for the one "
            + "pax-jdbc-config makes of etc/org.ops4j.datasource-tidings.cfg. The default matches no service: the store "
            + "opens its own pool from url")
    String dataSource_target() default StoreComponent.NO_DATA_SOURCE;
}
