package io.tidings.links;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

@ObjectClassDefinition(name = "Tidings dynamic links",
        description = "Signed, expiring links in messages (#dynamic_link.*) that record opt-ins, opt-outs and acceptances")
public @interface LinkConfiguration {

    @AttributeDefinition(description = "The address recipients reach this Karaf at, as it appears in links "
            + "(e.g. https://notify.example.com); links are <baseUrl>/tidings/links/<token>")
    String baseUrl() default "http://localhost:8181";

    @AttributeDefinition(description = "Days a link can be followed after its message was sent")
    int validityDays() default 90;

    @AttributeDefinition(type = AttributeType.PASSWORD, description = "The key that signs links, at least 32 "
            + "characters; when empty, a random key is generated once and kept in the database, shared by every node")
    String secret() default "";

    @AttributeDefinition(description = "Record when an email is opened (a 1x1 image): NONE, MARKETING (marketing "
            + "email only) or ALL", options = {@Option(label = "none", value = "NONE"),
                    @Option(label = "marketing email", value = "MARKETING"), @Option(label = "all email", value = "ALL")})
    String trackOpens() default "NONE";

    @AttributeDefinition(description = "Record clicks on an email's links (each goes through Tidings): NONE, "
            + "MARKETING or ALL", options = {@Option(label = "none", value = "NONE"),
                    @Option(label = "marketing email", value = "MARKETING"), @Option(label = "all email", value = "ALL")})
    String trackClicks() default "NONE";
}
