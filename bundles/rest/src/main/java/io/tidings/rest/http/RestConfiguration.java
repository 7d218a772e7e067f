package io.tidings.rest.http;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** PID {@code io.tidings.rest}. */
@ObjectClassDefinition(id = "io.tidings.rest", name = "Tidings REST API",
        description = "HTTP API under /tidings/api/v1: who may call it.")
public @interface RestConfiguration {

    @AttributeDefinition(name = "Realm", description = "JAAS realm that checks the Basic credentials")
    String realm() default "karaf";

    @AttributeDefinition(name = "Administrator role",
            description = "Role that may do everything, as tidings-admin; the finer roles tidings-ingest, tidings-viewer,"
                    + " tidings-viewer-content and tidings-editor are fixed names")
    String role() default "admin";

    @AttributeDefinition(name = "Login cache (seconds)",
            description = "How long a successful login is remembered; 0 logs in on every request", min = "0")
    int loginCacheSeconds() default 60;

    @AttributeDefinition(name = "Largest request (MB)",
            description = "A request body above this is refused with 413: an event carrying files, or a batch of events",
            min = "1")
    int maxBodyMegabytes() default 16;

    /** {@code .scrapeToken} in the file: a private property, never published as a service property. */
    @AttributeDefinition(name = "Scrape token", type = org.osgi.service.metatype.annotations.AttributeType.PASSWORD,
            description = "A token (24 characters or more) with which GET /metrics and /metrics/prometheus may be read as"
                    + " Authorization: Bearer <token>, without a login; empty: a tidings-viewer login is needed")
    String _scrapeToken() default "";
}
