/**
 * Tidings public API — locations: time zones, working hours and closed dates the rules schedule by.
 */
@org.osgi.annotation.versioning.Version("1.2.0")
@org.osgi.annotation.bundle.Export
package io.tidings.api.location;
