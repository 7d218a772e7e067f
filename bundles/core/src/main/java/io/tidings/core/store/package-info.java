/**
 * The store interface of the engine, implemented by the store bundle (JDBC: H2, PostgreSQL).
 */
@org.osgi.annotation.versioning.Version("1.1.0")
@org.osgi.annotation.bundle.Export
package io.tidings.core.store;
