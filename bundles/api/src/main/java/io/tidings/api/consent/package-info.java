/**
 * Tidings public API — consent recorded by Tidings itself (opt-outs).
 */
@org.osgi.annotation.versioning.Version("1.1.0")
@org.osgi.annotation.bundle.Export
package io.tidings.api.consent;
