package io.tidings.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.FileCompleter;

import io.tidings.api.template.RenderedMessage;
import io.tidings.api.template.TemplateService;

@Service
@Command(scope = "tidings", name = "render", description = "Renders a template with sample data, as a preview")
public class RenderCommand implements Action {

    @Reference(optional = true)
    TemplateService templates;

    @Argument(index = 0, name = "templateKey", description = "Template key", required = true)
    @Completion(TemplateKeyCompleter.class)
    String key;

    @Option(name = "--language", description = "Preferred language (BCP 47), e.g. uk, da, fr")
    String language;

    @Option(name = "--data", description = "Sample data as JSON: {\"contact_information\":{\"name\":\"…\"}}")
    String data;

    @Option(name = "--data-file", description = "File holding the sample data as JSON (UTF-8)")
    @Completion(FileCompleter.class)
    String dataFile;

    @Override
    public Object execute() throws Exception {
        TemplateService store = Services.require(templates, "the template store");
        if (store.template(key).isEmpty()) {
            throw new IllegalArgumentException("no template '" + key + "'");
        }
        RenderedMessage message = store.preview(key, language, SampleData.read(data, dataFile));
        RenderOutput.lines(message).forEach(System.out::println);
        return null;
    }
}
