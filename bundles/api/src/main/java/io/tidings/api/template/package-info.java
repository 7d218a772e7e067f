/**
 * Tidings public API — template. Partners build against these packages only.
 */
@org.osgi.annotation.versioning.Version("1.5.0")
@org.osgi.annotation.bundle.Export
package io.tidings.api.template;
