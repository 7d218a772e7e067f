/**
 * Tidings public API. Partners build against these packages only.
 */
@org.osgi.annotation.versioning.Version("1.6.0")
@org.osgi.annotation.bundle.Export
package io.tidings.api;
