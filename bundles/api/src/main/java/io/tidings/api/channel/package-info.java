/**
 * Tidings public API — channel. Partners build against these packages only.
 */
@org.osgi.annotation.versioning.Version("1.4.1")
@org.osgi.annotation.bundle.Export
package io.tidings.api.channel;
