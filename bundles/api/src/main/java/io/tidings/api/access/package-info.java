/**
 * Tidings public API — access: API keys that host platforms authenticate with, and the audit
 * trail of who changed what.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
@org.osgi.annotation.bundle.Export
package io.tidings.api.access;
