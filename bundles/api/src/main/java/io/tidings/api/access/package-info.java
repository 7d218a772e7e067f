/**
 * Tidings public API — access: API keys that host platforms authenticate with, and the audit
 * trail of who changed what, and the organisational units that limit what a user or key sees.
 */
@org.osgi.annotation.versioning.Version("1.1.0")
@org.osgi.annotation.bundle.Export
package io.tidings.api.access;
