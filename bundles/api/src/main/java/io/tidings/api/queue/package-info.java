/**
 * Tidings public API — the queue external systems claim messages from and acknowledge.
 */
@org.osgi.annotation.versioning.Version("1.2.0")
@org.osgi.annotation.bundle.Export
package io.tidings.api.queue;
