package io.tidings.template.velocity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.velocity.Template;
import org.apache.velocity.runtime.parser.node.ASTDirective;
import org.apache.velocity.runtime.parser.node.ASTIdentifier;
import org.apache.velocity.runtime.parser.node.ASTIntegerLiteral;
import org.apache.velocity.runtime.parser.node.ASTIntegerRange;
import org.apache.velocity.runtime.parser.node.ASTMethod;
import org.apache.velocity.runtime.parser.node.ASTReference;
import org.apache.velocity.runtime.parser.node.Node;

import io.tidings.api.ValidationException;
import io.tidings.api.template.TemplateProblem;
import io.tidings.template.velocity.sandbox.RenderBudget;
import io.tidings.template.velocity.sandbox.SandboxUberspector;
import io.tidings.template.velocity.tag.SourcePositions;
import io.tidings.template.velocity.tag.TagCatalog;
import io.tidings.template.velocity.tag.TagSyntax;

/**
 * Checks the tags of one parsed part against the installed tag providers, and refuses directives
 * that reach outside the template. Reports the first problem in reading order.
 */
final class TagCheck {

    /** Directives that load or evaluate other text, which no validation could see. */
    private static final Set<String> FORBIDDEN_DIRECTIVES = Set.of("include", "parse", "evaluate");

    private record Problem(int line, int column, String message) {
    }

    private TagCheck() {
    }

    static void check(String field, String source, TagSyntax.Rewritten rewritten, Template parsed, TagCatalog catalog,
            int maxLoopIterations) {
        List<TemplateProblem> problems = problems(field, source, rewritten, parsed, catalog, maxLoopIterations);
        if (problems.isEmpty()) {
            return;
        }
        TemplateProblem first = problems.get(0);
        String more = problems.size() == 1 ? "" : " (and " + (problems.size() - 1) + " more problem"
                + (problems.size() == 2 ? "" : "s") + ")";
        throw new ValidationException(field, first.message() + more, first.line(), first.column());
    }

    /** Every problem of the part, in reading order. */
    static List<TemplateProblem> problems(String field, String source, TagSyntax.Rewritten rewritten, Template parsed,
            TagCatalog catalog, int maxLoopIterations) {
        List<Problem> problems = new ArrayList<>();
        Set<Long> tagPositions = new HashSet<>();
        for (TagSyntax.Tag tag : rewritten.tags()) {
            tagPositions.add(key(tag.line(), tag.column()));
            if (catalog.resolve(tag.segments()) instanceof TagCatalog.Problem p) {
                problems.add(new Problem(tag.line(), tag.column(), "unknown tag " + tag + ": " + p.message()));
            }
        }
        for (TagSyntax.Malformed m : rewritten.malformed()) {
            problems.add(new Problem(m.line(), m.column(), "'" + m.text()
                    + "' is not a tag: tags are lowercase (#order.status) and need a space or punctuation after them"));
        }
        SourcePositions positions = new SourcePositions(source);
        walk((Node) parsed.getData(), source, catalog, positions, tagPositions, problems);
        loops((Node) parsed.getData(), 1, maxLoopIterations, positions, problems);
        problems.sort(Comparator.comparingInt(Problem::line).thenComparingInt(Problem::column));
        List<TemplateProblem> found = new ArrayList<>();
        for (Problem p : problems) {
            found.add(new TemplateProblem(field, p.line(), p.column(), p.message()));
        }
        return found;
    }

    private static void walk(Node node, String source, TagCatalog catalog, SourcePositions positions, Set<Long> tagPositions,
            List<Problem> problems) {
        if (node == null) {
            return;
        }
        if (node instanceof ASTDirective directive && FORBIDDEN_DIRECTIVES.contains(directive.getDirectiveName())) {
            // a directive's node starts at the indentation Velocity gobbles with it; report its '#'
            int offset = positions.offset(node.getLine(), positions.charColumn(node.getLine(), node.getColumn()));
            int hash = offset < 0 ? -1 : source.indexOf('#', offset);
            int line = hash < 0 ? node.getLine() : positions.line(hash);
            int column = hash < 0 ? positions.charColumn(node.getLine(), node.getColumn()) : positions.column(hash);
            problems.add(new Problem(line, column, "#" + directive.getDirectiveName() + " is not allowed in templates"));
        }
        // caught at render time anyway; saying so at save time is kinder
        // (a method's name is also an identifier child of its node: count the property form only under a reference)
        String member = node instanceof ASTMethod method ? method.getMethodName()
                : node instanceof ASTIdentifier identifier && node.jjtGetParent() instanceof ASTReference
                        ? identifier.getIdentifier() : null;
        if (member != null && SandboxUberspector.isForbiddenMember(member)) {
            problems.add(new Problem(node.getLine(), positions.charColumn(node.getLine(), node.getColumn()),
                    "'" + member + "' is not available in templates"));
        }
        if (node instanceof ASTReference reference) {
            checkReference(reference, catalog, positions, tagPositions, problems);
        }
        for (int i = 0; i < node.jjtGetNumChildren(); i++) {
            walk(node.jjtGetChild(i), source, catalog, positions, tagPositions, problems);
        }
    }

    /**
     * Loops over literal ranges ({@code #foreach($i in [1..10000])}), nested or not, whose iterations
     * are certain to exceed the render budget: such a template could never render. A loop over data
     * may be small or large; only the budget at render time can tell.
     */
    private static void loops(Node node, long outer, int maxLoopIterations, SourcePositions positions,
            List<Problem> problems) {
        if (node == null) {
            return;
        }
        long runs = outer;
        if (node instanceof ASTDirective directive && "foreach".equals(directive.getDirectiveName())
                && node.jjtGetNumChildren() >= 3) {
            long size = rangeSize(node.jjtGetChild(2));
            if (size > 0) {
                runs = outer > Long.MAX_VALUE / size ? Long.MAX_VALUE : outer * size;
                if (runs > maxLoopIterations) {
                    problems.add(new Problem(node.getLine(), positions.charColumn(node.getLine(), node.getColumn()),
                            "this #foreach runs " + (outer > 1 ? "with the loops around it " : "")
                                    + (runs == Long.MAX_VALUE ? "too many" : String.valueOf(runs))
                                    + " times, more than the " + maxLoopIterations + " loop iterations a message may "
                                    + "take (maxLoopIterations in " + RenderBudget.CONFIGURATION + ")"));
                    // one report per nest of loops
                    return;
                }
            }
        }
        for (int i = 0; i < node.jjtGetNumChildren(); i++) {
            loops(node.jjtGetChild(i), runs, maxLoopIterations, positions, problems);
        }
    }

    /** The size of a range of two integer literals, 0 when it is anything else. */
    private static long rangeSize(Node node) {
        if (!(node instanceof ASTIntegerRange) || node.jjtGetNumChildren() != 2
                || !(node.jjtGetChild(0) instanceof ASTIntegerLiteral from)
                || !(node.jjtGetChild(1) instanceof ASTIntegerLiteral to)) {
            return 0;
        }
        // a literal's value is fixed at parse time (its tokens are gone by then): no context needed
        if (from.value(null) instanceof Number a && to.value(null) instanceof Number b) {
            return Math.abs(b.longValue() - a.longValue()) + 1;
        }
        return 0;
    }

    /** A Velocity-style reference to a known entity ({@code $order.status}) must be a known tag too. */
    private static void checkReference(ASTReference reference, TagCatalog catalog, SourcePositions positions,
            Set<Long> tagPositions, List<Problem> problems) {
        String root = reference.getRootString();
        if (root == null || !(catalog.hasEntity(root) || TagCatalog.UNRESTRICTED.equals(root)
                || TagCatalog.DIGEST.equals(root)) || reference.jjtGetNumChildren() == 0) {
            return;
        }
        int line = reference.getLine();
        int column = positions.charColumn(line, reference.getColumn());
        if (tagPositions.contains(key(line, column))) {
            return;
        }
        List<String> path = new ArrayList<>();
        path.add(root);
        for (int i = 0; i < reference.jjtGetNumChildren(); i++) {
            if (!(reference.jjtGetChild(i) instanceof ASTIdentifier identifier)) {
                break;
            }
            path.add(identifier.getIdentifier());
        }
        if (path.size() >= 2 && catalog.resolve(path) instanceof TagCatalog.Problem p) {
            problems.add(new Problem(line, column, "unknown tag #" + String.join(".", path) + ": " + p.message()));
        }
    }

    private static long key(int line, int column) {
        return ((long) line << 32) | (column & 0xffffffffL);
    }
}
