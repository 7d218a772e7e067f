/**
 * The store's repositories, one per aggregate, implemented by the store bundle (JDBC: H2, PostgreSQL).
 */
@org.osgi.annotation.versioning.Version("2.3.0")
@org.osgi.annotation.bundle.Export
package io.tidings.core.store;
