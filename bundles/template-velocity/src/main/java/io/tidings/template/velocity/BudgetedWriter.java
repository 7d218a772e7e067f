package io.tidings.template.velocity;

import java.io.Writer;

import io.tidings.template.velocity.sandbox.RenderBudget;

/**
 * The output of one part: every write is charged to the message's budget, so a template that
 * writes too much, or for too long, stops on the write that crosses the line.
 */
final class BudgetedWriter extends Writer {

    private final StringBuilder out;
    private final RenderBudget budget;

    BudgetedWriter(int capacity, RenderBudget budget) {
        this.out = new StringBuilder(Math.min(capacity, budget.limits().maxOutputCharacters()));
        this.budget = budget;
    }

    @Override
    public void write(char[] chars, int offset, int length) {
        budget.countOutput(length);
        out.append(chars, offset, length);
    }

    @Override
    public void write(String text, int offset, int length) {
        budget.countOutput(length);
        out.append(text, offset, offset + length);
    }

    @Override
    public void write(int c) {
        budget.countOutput(1);
        out.append((char) c);
    }

    @Override
    public void flush() {
        // nothing buffered elsewhere
    }

    @Override
    public void close() {
        // the text stays readable after the merge
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
