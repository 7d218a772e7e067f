/**
 * Tidings public API — locations: time zones and working hours the rules schedule by.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
@org.osgi.annotation.bundle.Export
package io.tidings.api.location;
