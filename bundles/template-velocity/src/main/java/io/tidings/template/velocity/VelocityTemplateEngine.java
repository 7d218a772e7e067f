package io.tidings.template.velocity;

import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.velocity.VelocityContext;
import org.apache.velocity.app.event.EventCartridge;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

import io.tidings.api.ContentKind;
import io.tidings.api.Medium;
import io.tidings.api.channel.ChannelDirectory;
import io.tidings.api.ValidationException;
import io.tidings.api.tag.EntityDescriptor;
import io.tidings.api.tag.TagDirectory;
import io.tidings.api.tag.TagProvider;
import io.tidings.api.template.RenderedMessage;
import io.tidings.api.template.Template;
import io.tidings.api.template.TemplateContent;
import io.tidings.api.template.TemplateEngine;
import io.tidings.api.template.TemplateProblem;
import io.tidings.api.template.SmsInfo;
import io.tidings.template.velocity.html.HtmlText;
import io.tidings.template.velocity.json.JsonPayload;
import io.tidings.template.velocity.sandbox.RenderBudget;
import io.tidings.template.velocity.sms.SmsLength;
import io.tidings.template.velocity.tag.TagCatalog;
import io.tidings.template.velocity.tag.TagContext;
import io.tidings.template.velocity.tag.TagSyntax;
import io.tidings.template.velocity.tag.ValueFormatter;

/**
 * Templates written with the reference documents' tags ({@code #contact_information.name}) on a
 * sandboxed Velocity. Tag providers come and go at runtime: each change takes a new catalog
 * snapshot, so the next validation or rendering sees it.
 */
@Component(service = {TemplateEngine.class, TagDirectory.class}, configurationPid = RenderBudget.CONFIGURATION,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = VelocityTemplateEngine.Config.class)
public class VelocityTemplateEngine implements TemplateEngine, TagDirectory {

    /** What one message's rendering may spend; a template that goes over fails that message by name. */
    @ObjectClassDefinition(name = "Tidings templates",
            description = "Limits of one message's rendering: a template over a limit fails that message "
                    + "(or its preview) with the limit named.")
    public @interface Config {

        @AttributeDefinition(name = "Rendering time limit (ms)", min = "1",
                description = "Wall-clock time for all parts of one message. A demo message renders in "
                        + "milliseconds; the limit stops a runaway template holding a dispatcher thread.")
        long renderTimeoutMillis() default 2000;

        @AttributeDefinition(name = "Largest output (characters)", min = "1",
                description = "Characters of subject, HTML and text of one message together, and of any one "
                        + "value a template makes. Mail clients clip HTML past about 100 kB.")
        int maxOutputCharacters() default 1_000_000;

        @AttributeDefinition(name = "Loop iterations", min = "1",
                description = "#foreach iterations of one message, all loops together; also the largest list "
                        + "a template may build.")
        int maxLoopIterations() default 100_000;
    }

    private static final int CACHED_PARTS = 2048;
    private static final java.util.regex.Pattern LINE_BREAKS = java.util.regex.Pattern.compile("\\s*[\\r\\n]+\\s*");

    private final SandboxedVelocity velocity = new SandboxedVelocity();
    private final ParsedTemplateCache cache = new ParsedTemplateCache(CACHED_PARTS);
    private final List<TagProvider> providers = new ArrayList<>();
    private volatile TagCatalog catalog = TagCatalog.of(List.of());
    private volatile RenderBudget.Limits limits = RenderBudget.Limits.DEFAULT;
    /** Bumped with every catalog change, so validity computed for an older catalog is recomputed. */
    private final AtomicLong tagsVersion = new AtomicLong();

    @Reference(service = TagProvider.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    public void addTagProvider(TagProvider provider) {
        synchronized (providers) {
            providers.add(provider);
            catalog = TagCatalog.of(providers);
            tagsVersion.incrementAndGet();
            // parts were checked against the previous tags when parsed: check them again
            cache.clear();
        }
    }

    public void removeTagProvider(TagProvider provider) {
        synchronized (providers) {
            providers.remove(provider);
            catalog = TagCatalog.of(providers);
            tagsVersion.incrementAndGet();
            cache.clear();
        }
    }

    @Activate
    @Modified
    void configure(Config config) {
        if (config.renderTimeoutMillis() < 1) {
            throw new ValidationException("renderTimeoutMillis", "must be at least 1");
        }
        if (config.maxOutputCharacters() < 1) {
            throw new ValidationException("maxOutputCharacters", "must be at least 1");
        }
        if (config.maxLoopIterations() < 1) {
            throw new ValidationException("maxLoopIterations", "must be at least 1");
        }
        limits(new RenderBudget.Limits(Duration.ofMillis(config.renderTimeoutMillis()), config.maxOutputCharacters(),
                config.maxLoopIterations()));
    }

    /** The budget of every rendering from now on. */
    void limits(RenderBudget.Limits limits) {
        this.limits = limits;
        // parts were checked against the previous loop limit when parsed
        cache.clear();
    }

    @Deactivate
    void deactivate() {
        cache.clear();
    }

    /** Where the content kind of a medium that a channel declares comes from: the engine, while it runs. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile ChannelDirectory media;

    /**
     * The content kind of the template's medium: fixed for a built-in one, as its channels declare it
     * for another, TEXT while no channel declares it.
     */
    ContentKind kind(Template template) {
        Medium medium = template.medium();
        if (medium == null) {
            return ContentKind.TEXT;
        }
        if (medium.isBuiltIn()) {
            return medium.builtInKind().orElseThrow();
        }
        ChannelDirectory directory = media;
        try {
            return directory == null ? ContentKind.TEXT : directory.kind(medium);
        } catch (RuntimeException e) {
            return ContentKind.TEXT;
        }
    }

    /** A TEXT medium's channels may take at most so many characters (SMS counts its parts instead). */
    private void checkLength(Template template, String field, String text) {
        ChannelDirectory directory = media;
        if (directory == null || template.medium() == Medium.SMS) {
            return;
        }
        java.util.OptionalInt max;
        try {
            max = directory.maxLength(template.medium());
        } catch (RuntimeException e) {
            return;
        }
        int length = text.codePointCount(0, text.length());
        if (max.isPresent() && length > max.getAsInt()) {
            throw new ValidationException(field, "renders " + length + " characters: " + template.medium()
                    + " channels take at most " + max.getAsInt());
        }
    }

    @Override
    public void validate(Template template) {
        ContentKind kind = kind(template);
        TemplateStructure.check(template, kind);
        TagCatalog tags = catalog;
        for (Map.Entry<String, TemplateContent> e : template.contents().entrySet()) {
            TemplateContent content = e.getValue();
            String prefix = "contents." + e.getKey() + ".";
            checkPart(prefix + "subject", content.subject(), false, tags);
            checkPart(prefix + "html", content.html(), true, tags);
            checkPart(prefix + "text", content.text(), false, tags);
        }
        if (kind == ContentKind.STRUCTURED) {
            checkPayloads(template);
        }
    }

    /**
     * Each language's payload rendered with every value as a placeholder must be one JSON value, so a
     * template whose own text breaks the JSON is refused when saved, not when its message is due.
     */
    private void checkPayloads(Template template) {
        for (Map.Entry<String, TemplateContent> e : template.contents().entrySet()) {
            String source = e.getValue().text();
            if (source == null) {
                continue;
            }
            String field = "contents." + e.getKey() + ".text";
            Locale locale = Locale.forLanguageTag(e.getKey().replace('_', '-'));
            ValueFormatter formatter = new ValueFormatter(catalog, locale, ZoneId.of("UTC"));
            org.apache.velocity.Template parsed = velocity.parse(field, TagSyntax.rewrite(source, false).velocitySource());
            VelocityContext context = new VelocityContext(new HashMap<>());
            RenderBudget budget = RenderBudget.start(limits, template.key());
            RenderHandlers handlers = new RenderHandlers(formatter, false, true, true, budget,
                    new java.util.HashSet<>());
            EventCartridge events = new EventCartridge();
            events.addEventHandler(handlers);
            events.attachToContext(context);
            BudgetedWriter out = new BudgetedWriter(source.length() + 256, budget);
            velocity.merge(parsed, context, out, field, source, budget);
            JsonPayload.requireJson(field, out.toString());
        }
    }

    @Override
    public List<TemplateProblem> problems(Template template) {
        ContentKind kind = kind(template);
        try {
            TemplateStructure.check(template, kind);
        } catch (ValidationException e) {
            return List.of(new TemplateProblem(e.field(), e.line(), e.column(), e.reason()));
        }
        TagCatalog tags = catalog;
        List<TemplateProblem> problems = new ArrayList<>();
        for (Map.Entry<String, TemplateContent> e : template.contents().entrySet()) {
            TemplateContent content = e.getValue();
            String prefix = "contents." + e.getKey() + ".";
            partProblems(prefix + "subject", content.subject(), false, tags, problems);
            partProblems(prefix + "html", content.html(), true, tags, problems);
            partProblems(prefix + "text", content.text(), false, tags, problems);
        }
        if (kind == ContentKind.STRUCTURED && problems.isEmpty()) {
            try {
                checkPayloads(template);
            } catch (ValidationException e) {
                problems.add(new TemplateProblem(e.field(), e.line(), e.column(), e.reason()));
            }
        }
        return List.copyOf(problems);
    }

    private void partProblems(String field, String source, boolean html, TagCatalog tags,
            List<TemplateProblem> problems) {
        if (source == null) {
            return;
        }
        TagSyntax.Rewritten rewritten = TagSyntax.rewrite(source, html);
        org.apache.velocity.Template parsed;
        try {
            parsed = velocity.parse(field, rewritten.velocitySource());
        } catch (ValidationException e) {
            problems.add(new TemplateProblem(e.field(), e.line(), e.column(), e.reason()));
            return;
        }
        problems.addAll(TagCheck.problems(field, source, rewritten, parsed, tags, limits.maxLoopIterations()));
    }

    @Override
    public long tagsVersion() {
        return tagsVersion.get();
    }

    @Override
    public long version() {
        return tagsVersion.get();
    }

    @Override
    public List<EntityDescriptor> entities() {
        return catalog.describe();
    }

    private void checkPart(String field, String source, boolean html, TagCatalog tags) {
        if (source == null) {
            return;
        }
        TagSyntax.Rewritten rewritten = TagSyntax.rewrite(source, html);
        org.apache.velocity.Template parsed = velocity.parse(field, rewritten.velocitySource());
        TagCheck.check(field, source, rewritten, parsed, tags, limits.maxLoopIterations());
    }

    @Override
    public String resolveLanguage(Template template, String preferred) {
        return LanguageChoice.of(template, preferred).language();
    }

    @Override
    public RenderedMessage render(Template template, String language, Map<String, Object> data) {
        if (template == null) {
            throw new ValidationException("template", "is required");
        }
        LanguageChoice choice = LanguageChoice.of(template, language);
        TemplateContent content = template.contents().get(choice.language());
        if (content == null) {
            throw new ValidationException("defaultLanguage",
                    "the default language '" + template.defaultLanguage() + "' has no content");
        }
        Map<String, Object> values = data == null ? Map.of() : data;
        TagCatalog tags = catalog;
        Locale locale = Locale.forLanguageTag(choice.language().replace('_', '-'));
        ZoneId zone = ValueFormatter.recipientZone(values);
        ValueFormatter formatter = new ValueFormatter(tags, locale, zone);
        // one set of entity views for all parts, so a related entity is fetched once per message
        Map<String, Object> root = TagContext.of(values, tags);
        RenderBudget budget = RenderBudget.start(limits, template.key());
        ContentKind kind = kind(template);
        Part part = new Part(template, choice.language(), root, formatter, budget, kind == ContentKind.STRUCTURED);

        String subject = part.render("subject", content.subject(), false);
        if (subject != null) {
            // a subject is one header line, whatever the template's line breaks
            subject = LINE_BREAKS.matcher(subject).replaceAll(" ").strip();
        }
        String html = part.render("html", content.html(), true);
        String text = part.render("text", content.text(), false);
        if (kind == ContentKind.STRUCTURED) {
            JsonPayload.requireJson("contents." + choice.language() + ".text", text);
        } else if (kind == ContentKind.TEXT && text != null) {
            checkLength(template, "contents." + choice.language() + ".text", text);
        }
        if (text == null && html != null && kind == ContentKind.EMAIL) {
            text = HtmlText.toText(html);
        }
        SmsInfo sms = template.medium() == Medium.SMS ? SmsLength.of(text) : null;
        return new RenderedMessage(choice.language(), choice.reason(), template.version(), subject, html, text, sms,
                List.copyOf(part.blanks));
    }

    /** Number of parsed parts held for reuse. */
    int cachedParts() {
        return cache.size();
    }

    /** The parts of one message, rendered with the same data and formatting. */
    private final class Part {
        private final Template template;
        private final String language;
        private final Map<String, Object> root;
        private final ValueFormatter formatter;
        private final RenderBudget budget;
        /** A structured medium's payload: values are JSON-escaped in the text part. */
        private final boolean json;
        /** The tags that rendered empty in any part, in the order met. */
        private final java.util.Set<String> blanks = new java.util.LinkedHashSet<>();

        Part(Template template, String language, Map<String, Object> root, ValueFormatter formatter,
                RenderBudget budget, boolean json) {
            this.json = json;
            this.template = template;
            this.language = language;
            this.root = root;
            this.formatter = formatter;
            this.budget = budget;
        }

        String render(String part, String source, boolean html) {
            if (source == null) {
                return null;
            }
            String field = "contents." + language + "." + part;
            org.apache.velocity.Template parsed = parsed(field, part, source, html);
            VelocityContext context = new VelocityContext(new HashMap<>(root));
            RenderHandlers handlers = new RenderHandlers(formatter, html, json && part.equals("text"), false, budget,
                    blanks);
            EventCartridge events = new EventCartridge();
            events.addEventHandler(handlers);
            events.attachToContext(context);
            BudgetedWriter out = new BudgetedWriter(source.length() + 256, budget);
            velocity.merge(parsed, context, out, field, source, budget);
            return out.toString();
        }

        private org.apache.velocity.Template parsed(String field, String part, String source, boolean html) {
            if (template.key() == null || template.version() <= 0) {
                return parseKnownTags(field, source, html);
            }
            return cache.get(new ParsedTemplateCache.Key(template.key(), template.version(), language, part), source,
                    () -> parseKnownTags(field, source, html));
        }

        /**
         * A stored template whose tag bundle was uninstalled since it was saved must not go out
         * with blanks where its values were: its unknown tags fail the rendering, by name.
         */
        private org.apache.velocity.Template parseKnownTags(String field, String source, boolean html) {
            TagSyntax.Rewritten rewritten = TagSyntax.rewrite(source, html);
            TagCatalog tags = catalog;
            for (TagSyntax.Tag tag : rewritten.tags()) {
                if (tags.resolve(tag.segments()) instanceof TagCatalog.Problem p) {
                    throw new ValidationException(field, "unknown tag " + tag + ": " + p.message(), tag.line(),
                            tag.column());
                }
            }
            return velocity.parse(field, rewritten.velocitySource());
        }
    }
}
