/**
 * Tidings public API — contacts' addresses: the one form in which the record keeps them.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
@org.osgi.annotation.bundle.Export
package io.tidings.api.contact;
