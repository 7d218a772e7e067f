package io.tidings.links;

import java.util.ArrayList;
import java.util.List;

import org.osgi.service.component.annotations.Component;

import io.tidings.api.link.LinkAction;
import io.tidings.api.tag.FieldDescriptor;
import io.tidings.api.tag.FieldType;
import io.tidings.api.tag.TagProvider;

/** The {@code dynamic_link} entity: one field per {@link LinkAction}, valued by the engine for each message. */
@Component(service = TagProvider.class)
public class DynamicLinkTags implements TagProvider {

    public static final String ENTITY = "dynamic_link";

    @Override
    public String entity() {
        return ENTITY;
    }

    @Override
    public String description() {
        return "Signed links, valid for a limited time, that the recipient follows to opt in or out or to accept a response";
    }

    @Override
    public List<FieldDescriptor> fields() {
        List<FieldDescriptor> fields = new ArrayList<>();
        for (LinkAction action : LinkAction.values()) {
            fields.add(new FieldDescriptor(action.tag(), FieldType.TEXT, action.description() + " (a URL)"));
        }
        return List.copyOf(fields);
    }
}
