package io.tidings.core.plan;

import java.util.List;

import org.osgi.service.component.annotations.Component;

import io.tidings.api.tag.FieldDescriptor;
import io.tidings.api.tag.FieldType;
import io.tidings.api.tag.TagProvider;

/** The text of a {@link io.tidings.api.ManualMessage}, for the built-in templates that send it. */
@Component(service = TagProvider.class, property = "tag.entity=" + ManualMessages.ENTITY)
public class ManualMessageTags implements TagProvider {

    private static final List<FieldDescriptor> FIELDS = List.of(
            new FieldDescriptor("text", FieldType.TEXT, "The text the agent wrote, sent as written"),
            new FieldDescriptor("subject", FieldType.TEXT, "The subject of an email the agent wrote"));

    @Override
    public String entity() {
        return ManualMessages.ENTITY;
    }

    @Override
    public String description() {
        return "A message an agent wrote to one contact";
    }

    @Override
    public List<FieldDescriptor> fields() {
        return FIELDS;
    }
}
